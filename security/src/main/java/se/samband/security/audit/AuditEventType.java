package se.samband.security.audit;

/**
 * The catalogue of audit events. security/AUDIT-EVENTS.md says, for each one, when it is written,
 * by which component and which fields are set. Names are stored in the chain and so are part of
 * the hashed data: never rename a constant, add a new one instead.
 */
public enum AuditEventType {
    NOTICE_REJECTED("The hub refused a notice at admission, verification or routing (reason code)."),
    DISCLOSURE_DECIDED("The hub decided PERMIT, HOLD or DENY for one notice and one recipient.", Key.NOTICE),
    NOTICE_DISPATCHED("A permitted notice was put on the recipient's queue.", Key.NOTICE),
    HOLD_RELEASED("A held notice was released to its recipient (consent registered or risk flag ended).", Key.NOTICE),
    HOLD_EXPIRED("A hold ran out without release; the notice was escalated back to the sender.", Key.NOTICE),
    RECEIPT_RECORDED("A recipient answered a notice with RECEIVED, ACCEPTED or DECLINED.", Key.NOTICE),
    HANDOVER_ESCALATED("No one took responsibility by the respond-by time; the escalation contact was told.",
            Key.NOTICE),
    CONSENT_REGISTERED("An agency registered a person's consent."),
    CONSENT_VERSIONED("An agency changed a consent, which made a new version."),
    CONSENT_WITHDRAWN("A consent was withdrawn; undelivered notices on it are held back."),
    RISK_FLAG_SET("A risk flag was set on a subject."),
    RISK_FLAG_CLEARED("A risk flag was cleared or ended."),
    MANUAL_ROUTING_QUEUED("A notice about a protected identity went to the manual routing queue.", Key.NOTICE),
    MANUAL_ROUTING_RESOLVED("A person routed a notice from the manual routing queue."),
    PSEUDONYM_LOOKUP("A security officer pseudonymised a personal identity number to query the trail."),
    REVIEW_COMPLETED("A security officer completed the follow-up review of a legal-basis or emergency disclosure."),
    AUDIT_EXPORTED("A security officer exported part of the audit trail."),
    AUDIT_VERIFIED("The audit chain was verified (outcome FAILED when it is broken)."),
    DLQ_REPLAYED("An operator replayed a notice from the dead-letter queue."),
    DLQ_DISCARDED("An operator discarded a notice from the dead-letter queue."),
    ROUTE_SUSPENDED("An operator suspended delivery to a participant."),
    ROUTE_RESUMED("An operator resumed delivery to a participant."),
    TIMELINE_VIEWED("A security officer viewed the timeline of a notice or a subject."),
    PROTECTED_IDENTITY_VIEWED("A person viewed audit or routing data about a subject with protected identity.");

    /** How the audit writer recognises a redelivered event; see {@link AuditEvent#idempotencyKey()}. */
    enum Key {
        /** At most once per notice, recipient and outcome: a step of the hub pipeline. */
        NOTICE,
        /** By the whole event: an action that may recur (a view, a rejection, a replay) is each time a new fact. */
        CONTENT
    }

    private final String meaning;
    private final Key key;

    AuditEventType(String meaning) {
        this(meaning, Key.CONTENT);
    }

    AuditEventType(String meaning, Key key) {
        this.meaning = meaning;
        this.key = key;
    }

    /** True for pipeline steps that happen at most once per notice and recipient (and outcome). */
    public boolean onePerNoticeAndRecipient() {
        return key == Key.NOTICE;
    }

    /** One line saying what happened when this event is written. */
    public String meaning() {
        return meaning;
    }
}
