package se.samband.hub.metrics;

/**
 * Every metric the hub publishes, as Micrometer names; Prometheus shows them with dots as underscores, counters
 * with {@code _total} and the timer with {@code _seconds} (routes/README.md "Metrics" lists them in that form,
 * and deploy/ refers to them). Tags carry types, kinds, codes, queue names and agency participant ids (bounded
 * by the federation file): never a pseudonym, never a person.
 */
public final class MetricNames {
    /** Counter, tags {@code type}, {@code sender_kind}: submissions whose plan was committed (refusals too). */
    public static final String NOTICES_IN = "samband.notices.in";
    /** Counter, tags {@code type}, {@code recipient_kind}: copies put on a recipient's inbox by the pipeline. */
    public static final String NOTICES_OUT = "samband.notices.out";
    /** Counter, tags {@code outcome} (PERMIT, HOLD, DENY), {@code basis} (legal basis code or {@code none}). */
    public static final String DECISIONS = "samband.decisions";
    /** Counter, tag {@code code}: refused submissions by error code (ERROR-CODES.md). */
    public static final String REJECTIONS = "samband.rejections";
    /** Counter: inbox messages whose transaction committed (refusals too) since the hub started. */
    public static final String INTAKE_MESSAGES = "samband.intake.messages";
    /** Counter: inbox transactions that committed them (messages / transactions = notices per transaction). */
    public static final String INTAKE_TRANSACTIONS = "samband.intake.transactions";
    /** Timer, tag {@code step} (admit, verify, route, decide, plan, dispatch). */
    public static final String PIPELINE_STEP = "samband.pipeline.step";

    /** Gauge, tag {@code queue}: messages on a hub queue. */
    public static final String QUEUE_MESSAGES = "samband.queue.messages";
    /** Gauge, tag {@code queue}: age of the oldest message on a hub queue, 0 when empty. */
    public static final String QUEUE_OLDEST_AGE = "samband.queue.oldest.age.seconds";
    /** Function counter, tag {@code queue}: messages ever added to a hub queue since the broker started. */
    public static final String QUEUE_ADDED = "samband.queue.added";
    /** Gauge, tags {@code participant}, {@code kind}: messages waiting on an agency's inbox. */
    public static final String INBOX_MESSAGES = "samband.agency.inbox.messages";
    /** Gauge, tags {@code participant}, {@code kind}: age of the oldest message on an agency's inbox, 0 when empty. */
    public static final String INBOX_OLDEST_AGE = "samband.agency.inbox.oldest.age.seconds";

    /** Gauge, tag {@code recipient_kind}: handovers in state OVERDUE (cached, see StoreGauges). */
    public static final String HANDOVERS_OVERDUE = "samband.handovers.overdue";
    /**
     * Gauge: how long ago the respond-by time of the longest-waiting handover not yet escalated passed, 0 when none
     * (cached, see StoreGauges). Above the watch's poll interval, the watch is stopped or failing.
     */
    public static final String WATCH_OLDEST_DUE_AGE = "samband.watch.oldest.due.age.seconds";
    /** Gauge, tag {@code reason}: notices held in the held store (cached). */
    public static final String NOTICES_HELD = "samband.notices.held";
    /** Gauge, tags {@code participant}, {@code kind}: days until the participant's certificate expires. */
    public static final String CERTIFICATE_EXPIRY_DAYS = "samband.certificate.expiry.days";

    /** Gauge: audit events on samband.hub.audit that the audit writer has not yet written. */
    public static final String AUDIT_WRITER_LAG = "samband.audit.writer.lag.events";
    /** Gauge: age of the oldest audit event not yet written, 0 when none waits. */
    public static final String AUDIT_WRITER_LAG_AGE = "samband.audit.writer.lag.age.seconds";
    /** Counter: audit entries the audit writer appended since the hub started. */
    public static final String AUDIT_WRITER_ENTRIES = "samband.audit.writer.entries";
    /** Counter: database transactions that appended them (entries / transactions = the writer's batch size). */
    public static final String AUDIT_WRITER_TRANSACTIONS = "samband.audit.writer.transactions";
    /** Counter: audit chain verifications run by the hub. */
    public static final String AUDIT_CHAIN_VERIFICATIONS = "samband.audit.chain.verifications";
    /** Counter: audit chain verifications that found the chain broken. */
    public static final String AUDIT_CHAIN_FAILURES = "samband.audit.chain.verification.failures";
    /** Gauge: 1 when the last verification found the chain broken, 0 when it held, -1 before the first run. */
    public static final String AUDIT_CHAIN_BROKEN = "samband.audit.chain.broken";

    /** Tag value when a kind, type or basis is not known (e.g. a refused notice whose header was unreadable). */
    public static final String UNKNOWN = "unknown";

    private MetricNames() {
    }
}
