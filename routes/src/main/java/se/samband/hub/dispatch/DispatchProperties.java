package se.samband.hub.dispatch;

/**
 * The JMS message properties that {@link DispatchWriter} sets, for whoever consumes the hub's queues (agency
 * connectors, the held store, operators' tools). Ids and codes only: the sealed
 * container is the body, and nothing here is personal data.
 */
public final class DispatchProperties {
    /** The notice's id (UUID), on every message the hub writes for it. */
    public static final String NOTICE_ID = "noticeId";
    /** The notice's type, e.g. {@code CHILD_CONCERN_REPORT}, or the receipt's kind. */
    public static final String TYPE = "type";
    /** The participant that sent the notice. */
    public static final String SENDER = "sender";
    /** The participant a held notice is for. */
    public static final String RECIPIENT = "recipient";
    /** Why a notice is held, e.g. {@code AWAITING_CONSENT}. */
    public static final String REASON = "reason";
    /** Until when a notice is held, epoch milliseconds. */
    public static final String HOLD_UNTIL = "holdUntil";
    /** The notice a receipt answers. */
    public static final String IN_REPLY_TO = "inReplyTo";
    /** The error code of a refused notice, e.g. {@code signature_invalid}. */
    public static final String CODE = "code";
    /** The type of an audit event, e.g. {@code DISCLOSURE_DECIDED}. */
    public static final String AUDIT_EVENT_TYPE = "auditEventType";

    private DispatchProperties() {
    }
}
