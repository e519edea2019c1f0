package se.samband.security.audit;

/**
 * The catalogue of audit events. security/AUDIT-EVENTS.md says, for each one, when it is written,
 * by which component and which fields are set. Names are stored in the chain and so are part of
 * the hashed data: never rename a constant, add a new one instead.
 */
public enum AuditEventType {
    NOTICE_REJECTED("The hub refused a notice at admission or verification (reason code)."),
    DISCLOSURE_DECIDED("The hub decided PERMIT, HOLD or DENY for one notice and one recipient."),
    NOTICE_DISPATCHED("A permitted notice was put on the recipient's queue."),
    HOLD_RELEASED("A held notice was released to its recipient (consent registered or risk flag ended)."),
    HOLD_EXPIRED("A hold ran out without release; the notice was escalated back to the sender."),
    RECEIPT_RECORDED("A recipient answered a notice with RECEIVED, ACCEPTED or DECLINED."),
    HANDOVER_ESCALATED("No recipient took responsibility by the respond-by time; the escalation contact was told."),
    CONSENT_REGISTERED("An agency registered a person's consent."),
    CONSENT_VERSIONED("An agency changed a consent, which made a new version."),
    CONSENT_WITHDRAWN("A consent was withdrawn; undelivered notices on it are held back."),
    RISK_FLAG_SET("A risk flag was set on a subject."),
    RISK_FLAG_CLEARED("A risk flag was cleared or ended."),
    MANUAL_ROUTING_QUEUED("A notice about a protected identity went to the manual routing queue."),
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

    private final String meaning;

    AuditEventType(String meaning) {
        this.meaning = meaning;
    }

    /** One line saying what happened when this event is written. */
    public String meaning() {
        return meaning;
    }
}
