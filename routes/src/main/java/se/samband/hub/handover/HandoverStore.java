package se.samband.hub.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * The state of every handover (one notice to one recipient), kept by the audit writer from the audit
 * events in the same database transaction as the audit entries. The pipeline reads it to refuse replays
 * and to route receipts back to the original sender; senders query it for their notices.
 */
public interface HandoverStore {

    /** Whether the hub has recorded any decision or refusal for this notice id. */
    boolean noticeKnown(UUID noticeId);

    Optional<Handover> find(UUID noticeId, ParticipantId recipient);

    /** Every handover of a notice, e.g. for the sender's status query. */
    List<Handover> handoversOf(UUID noticeId);

    /**
     * One notice to one recipient, as it stands. {@code sender} and {@code respondBy} come from the audit
     * message's {@code sender} and {@code respondBy} properties (the event names the hub as actor) and are
     * null when the dispatcher did not set them; {@code type} is null while only a receipt is known.
     */
    record Handover(UUID noticeId, NoticeType type, ParticipantId sender, ParticipantId recipient,
                    HandoverState state, String reasonCode, Instant respondBy, Instant updatedAt) {
    }

    /** Where a handover stands; only ACCEPTED and DENIED close it. */
    enum HandoverState { DELIVERED, HELD, DENIED, RECEIVED, ACCEPTED, DECLINED, OVERDUE }
}
