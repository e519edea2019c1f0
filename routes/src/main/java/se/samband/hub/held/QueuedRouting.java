package se.samband.hub.held;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * A notice on the manual routing queue as an operator sees it: metadata only, no pseudonym.
 *
 * @param recipients the participants the sender sealed it for that it is held for
 */
public record QueuedRouting(UUID noticeId, NoticeType type, ParticipantId sender, List<ParticipantId> recipients,
                            Instant queuedAt) {
}
