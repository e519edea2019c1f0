package se.samband.hub.held;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * One notice held for one recipient, as the held store keeps it. The container is sealed; toString shows ids only.
 *
 * @param consentId the consent the sender cited (legal basis CONSENT), null for another basis
 */
record HeldNotice(UUID noticeId, ParticipantId recipient, ParticipantId sender, NoticeType type, String reason,
                  String consentId, Instant heldAt, Instant holdUntil, List<String> subjects, byte[] container) {

    HeldNotice {
        subjects = List.copyOf(subjects);
    }

    /** The states of a held row: HELD until released to the recipient or expired back to the sender. */
    enum State { HELD, RELEASED, EXPIRED }

    @Override
    public String toString() {
        return "HeldNotice[noticeId=" + noticeId + ", recipient=" + recipient + ", reason=" + reason + "]";
    }
}
