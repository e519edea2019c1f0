package se.samband.security.audit;

/**
 * The disclosure decision for one notice and one recipient, as the audit trail records it. The
 * consent logic has its own richer type; the trail keeps only the stable code.
 */
public enum AuditDecision {
    /** Consent or a legal basis allows the disclosure: the notice is delivered. */
    PERMIT,
    /** The notice waits, sealed, for a consent or for a risk flag to end. */
    HOLD,
    /** The disclosure is not allowed (reason code). */
    DENY
}
