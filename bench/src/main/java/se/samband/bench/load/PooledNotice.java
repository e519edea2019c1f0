package se.samband.bench.load;

import java.util.List;
import java.util.UUID;
import se.samband.notice.ParticipantId;

/** One notice sealed before the measurement: who sends it, to whom, and the container bytes on the wire. */
record PooledNotice(UUID noticeId, ParticipantId sender, List<ParticipantId> recipients, byte[] container) {
}
