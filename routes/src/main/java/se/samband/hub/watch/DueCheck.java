package se.samband.hub.watch;

import java.time.Instant;
import java.util.UUID;
import se.samband.notice.ParticipantId;

/**
 * One respond-by check as it arrives from {@code samband.hub.watch}.
 *
 * @param sender   the notice's sender as the dispatcher wrote it, or null
 * @param recheck  how often this check was already put back because the handover was not yet recorded
 */
record DueCheck(UUID noticeId, ParticipantId recipient, ParticipantId sender, Instant respondBy, int recheck) {
}
