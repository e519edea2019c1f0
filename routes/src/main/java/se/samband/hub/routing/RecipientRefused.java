package se.samband.hub.routing;

import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** A notice refused because of one recipient; the audit event names it as the counterpart. */
public final class RecipientRefused extends SambandException {
    private final transient ParticipantId recipient;

    public RecipientRefused(ErrorCode code, ParticipantId recipient, String detail) {
        super(code, detail);
        this.recipient = recipient;
    }

    public ParticipantId recipient() {
        return recipient;
    }
}
