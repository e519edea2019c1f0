package se.samband.hub.system;

/**
 * Camel route ids, kebab-case {@code <flow>-<step>}, one per pipeline step of ARCHITECTURE.md. The routes
 * themselves arrive with the pipeline; the ids are fixed here so that logs, metrics and dashboards can rely
 * on them from the start.
 */
public final class RouteIds {
    /** The inbox consumer: every step of the pipeline for one submission, in one JMS transaction. */
    public static final String INTAKE_INBOX = "intake-inbox";
    /** A refusal raised while the inbox route ran, written to samband.hub.rejected in the same transaction. */
    public static final String INTAKE_REFUSED = "intake-refused";
    public static final String INTAKE_ADMIT = "intake-admit";
    public static final String INTAKE_VERIFY = "intake-verify";
    public static final String ROUTING_ROUTE = "routing-route";
    public static final String DECISION_DECIDE = "decision-decide";
    public static final String DISPATCH_DELIVER = "dispatch-deliver";
    public static final String AUDIT_RECORD = "audit-record";
    public static final String WATCH_RESPOND_BY = "watch-respond-by";

    private RouteIds() {
    }
}
