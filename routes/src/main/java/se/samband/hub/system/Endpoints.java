package se.samband.hub.system;

import java.util.List;

/**
 * The hub's Artemis addresses, and later the Camel endpoint URIs built from them: the only place where
 * these names are spelled. Addresses are dotted lower case so that broker address settings and security
 * match on prefixes ({@code samband.#}, {@code samband.agency.#}).
 */
public final class Endpoints {
    /** Where agencies deliver sealed notices. */
    public static final String HUB_INBOX = "samband.hub.inbox";
    /** Audit events, consumed by the single audit writer. */
    public static final String HUB_AUDIT = "samband.hub.audit";
    /** Notices refused with a machine-readable reason. */
    public static final String HUB_REJECTED = "samband.hub.rejected";
    /** Messages parked after the last redelivery attempt, for an operator to replay. */
    public static final String HUB_DLQ = "samband.hub.dlq";
    /** Messages whose time to live ran out. */
    public static final String HUB_EXPIRED = "samband.hub.expired";
    /** Notices held for a recipient (awaiting consent, risk flag, manual routing), still sealed. */
    public static final String HUB_HELD = "samband.hub.held";
    /** Respond-by checks, scheduled (Artemis scheduled delivery) for the moment a handover falls due. */
    public static final String HUB_WATCH = "samband.hub.watch";
    /** Prefix of every participant's own queue, {@code samband.agency.<participant id>.inbox}. */
    public static final String AGENCY_PREFIX = "samband.agency.";
    /** Suffix of every participant's own queue. */
    public static final String AGENCY_INBOX_SUFFIX = ".inbox";

    /**
     * Camel: the hub inbox, consumed in a local JMS transaction that the route's sends join. The defaults of
     * {@code transacted=true} cost 90 % of throughput (PERFORMANCE-NOTES "camel-jms"): the transaction manager
     * is not created lazily, so the listener keeps its session and consumer (CACHE_CONSUMER) and commits locally.
     */
    public static final String INTAKE_INBOX = "jms:queue:{{samband.intake.queue:" + HUB_INBOX + "}}"
            + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
            + "&concurrentConsumers={{samband.intake.concurrent-consumers:4}}"
            + "&maxConcurrentConsumers={{samband.intake.max-concurrent-consumers:4}}"
            + "&exposeListenerSession=true&mapJmsMessage=false"
            // Camel's listener container plus an after-commit hook (intake.AfterCommit): the pipeline learns that a
            // notice id is taken only once its transaction has committed.
            + "&consumerType=Custom&messageListenerContainerFactory=#sambandAfterCommitContainers";
    /** Camel: where the standard route configuration sends a refusal ({@code SambandException}) to be written. */
    public static final String REFUSED = "direct:samband-refused";

    /** Topic: pseudonyms whose consents or risk flags changed; every hub instance drops its cached entries. */
    public static final String HUB_CONSENT_CHANGES = "samband.hub.consent-changes";

    /** Match for every Samband address, used by the broker's address settings. */
    public static final String ALL_SAMBAND_ADDRESSES = "samband.#";

    /** The queues the broker creates at start-up (anycast, durable). */
    public static final List<String> HUB_QUEUES = List.of(HUB_INBOX, HUB_AUDIT, HUB_REJECTED, HUB_DLQ, HUB_EXPIRED,
            HUB_HELD, HUB_WATCH);

    private Endpoints() {
    }

    /** The queue of one participant, e.g. {@code samband.agency.socialtjanst.bollnas.inbox}. */
    public static String agencyInbox(String participantId) {
        return AGENCY_PREFIX + participantId + AGENCY_INBOX_SUFFIX;
    }
}
