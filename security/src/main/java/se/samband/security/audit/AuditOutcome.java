package se.samband.security.audit;

/**
 * Whether the recorded action took effect. A failure is the same event type with outcome
 * {@link #FAILED} (STYLE.md, "Logging and audit"), so one query finds both.
 */
public enum AuditOutcome {
    SUCCESS,
    FAILED
}
