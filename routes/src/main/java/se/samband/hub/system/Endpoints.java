package se.samband.hub.system;

import java.time.Duration;
import java.util.List;
import se.samband.notice.ParticipantId;

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
    /**
     * Camel: the hub inbox, consumed in a local JMS transaction that the route's sends join. The defaults of
     * {@code transacted=true} cost 90 % of throughput (PERFORMANCE-NOTES "camel-jms"): the transaction manager
     * is not created lazily, so the listener keeps its session and consumer (CACHE_CONSUMER) and commits locally,
     * and its container ({@code intake.InboxListenerContainers}) decides when: after several notices under load.
     */
    public static final String INTAKE_INBOX = "jms:queue:{{samband.intake.queue:" + HUB_INBOX + "}}"
            + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
            + "&concurrentConsumers={{samband.intake.concurrent-consumers:4}}"
            + "&maxConcurrentConsumers={{samband.intake.max-concurrent-consumers:4}}"
            + "&exposeListenerSession=true&mapJmsMessage=false"
            // Camel's listener container, committing several notices at once under load, with an after-commit hook
            // (intake.InboxListenerContainers): the pipeline learns that a notice id is taken only after the commit.
            + "&consumerType=Custom&messageListenerContainerFactory=#sambandInboxContainers";
    /** Camel: where the standard route configuration sends a refusal ({@code SambandException}) to be written. */
    public static final String REFUSED = "direct:samband-refused";

    /** Notices held for a recipient until a consent is registered or a risk flag ends; still sealed. */
    public static final String HUB_HELD = "samband.hub.held";
    /** Camel: the respond-by watch's poll, every {@code pollInterval}, the first one interval after the start. */
    public static String respondByWatchTimer(Duration pollInterval) {
        long millis = pollInterval.toMillis();
        return "timer:samband-respond-by-watch?period=" + millis + "&delay=" + millis;
    }

    /** Topic (multicast address): a consent changed, every hub instance drops its cached decisions. */
    public static final String HUB_CONSENT_CHANGES = "samband.hub.consent-changes";

    /** Match for every Samband address, used by the broker's address settings. */
    public static final String ALL_SAMBAND_ADDRESSES = "samband.#";
    /** Match for every participant's address, used by the broker's address settings. */
    public static final String ALL_AGENCY_ADDRESSES = "samband.agency.#";

    /** The hub's own queues, created at start-up (anycast, durable); the agencies' inboxes come on top. */
    public static final List<String> HUB_QUEUES = List.of(HUB_INBOX, HUB_AUDIT, HUB_REJECTED, HUB_DLQ, HUB_EXPIRED,
            HUB_HELD);

    /** A participant's inbox: where the hub delivers the notices for it, the only queue it may read. */
    public static String agencyInbox(ParticipantId participant) {
        return "samband.agency." + participant.value() + ".inbox";
    }

    private Endpoints() {
    }
}
