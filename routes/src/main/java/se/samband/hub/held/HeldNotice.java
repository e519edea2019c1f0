package se.samband.hub.held;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * One notice held for one recipient, as the held store keeps it. The container is sealed; toString shows ids only.
 *
 * @param consentId        the consent the sender cited (legal basis CONSENT), null for another basis
 * @param routingConfirmed an operator routed the notice from the manual routing queue (protected identity): it is
 *                         decided again with the routing confirmed
 */
record HeldNotice(UUID noticeId, ParticipantId recipient, ParticipantId sender, NoticeType type, String reason,
                  String consentId, Instant heldAt, Instant holdUntil, List<String> subjects, byte[] container,
                  boolean routingConfirmed) {

    HeldNotice {
        subjects = List.copyOf(subjects);
    }

    /** A held notice whose routing no operator has confirmed. */
    HeldNotice(UUID noticeId, ParticipantId recipient, ParticipantId sender, NoticeType type, String reason,
               String consentId, Instant heldAt, Instant holdUntil, List<String> subjects, byte[] container) {
        this(noticeId, recipient, sender, type, reason, consentId, heldAt, holdUntil, subjects, container, false);
    }

    /**
     * The states of a held row: HELD until released to the recipient, expired back to the sender, or returned to
     * the sender by an operator from the manual routing queue.
     */
    enum State { HELD, RELEASED, EXPIRED, RETURNED }

    @Override
    public String toString() {
        return "HeldNotice[noticeId=" + noticeId + ", recipient=" + recipient + ", reason=" + reason + "]";
    }
}
