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

    /** Topic: pseudonyms whose consents or risk flags changed; every hub instance drops its cached entries. */
    public static final String HUB_CONSENT_CHANGES = "samband.hub.consent-changes";

    /** Match for every Samband address, used by the broker's address settings. */
    public static final String ALL_SAMBAND_ADDRESSES = "samband.#";

    /** The queues the broker creates at start-up (anycast, durable). */
    public static final List<String> HUB_QUEUES = List.of(HUB_INBOX, HUB_AUDIT, HUB_REJECTED, HUB_DLQ, HUB_EXPIRED);

    private Endpoints() {
    }
}
