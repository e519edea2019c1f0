package se.samband.hub.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The hub's own settings, prefix {@code samband}. Every default runs the embedded set-up on one machine:
 * Artemis and H2 under {@code ./data}, the demo federation from the classpath.
 *
 * @param dataDir    where the broker journal ({@code artemis/}) and the H2 database ({@code db/}) live
 * @param federation which federation file the directory loads at start-up
 * @param broker     the embedded Artemis broker
 * @param pki        the hub's key, the federation's trust anchors and CRLs, and the TLS key and trust stores
 */
@ConfigurationProperties(prefix = "samband")
public record HubProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue FederationSettings federation,
        @DefaultValue BrokerSettings broker,
        @DefaultValue PkiSettings pki) {

    /** The PKI directory: {@code samband.pki.dir}, or {@code <data-dir>/pki} when that is not set. */
    public Path pkiDir() {
        return (pki.dir() != null ? pki.dir() : dataDir.resolve("pki")).toAbsolutePath().normalize();
    }

    /** @param location a Spring resource: {@code classpath:...} or {@code file:/etc/samband/federation.yaml} */
    public record FederationSettings(@DefaultValue("classpath:samband/demo/federation.yaml") Resource location) {
    }

    /**
     * The embedded broker.
     *
     * @param host                  interface of both TCP acceptors (CORE and AMQP); loopback unless agencies connect
     * @param port                  port of the plain acceptor, for the hub's own tools (user/password login)
     * @param tlsPort               port of the TLS acceptor where agencies log in with their client certificate
     * @param journalType           NIO works everywhere; ASYNCIO needs libaio on Linux and falls back to NIO without it
     * @param journalBufferTimeout  nanoseconds the journal waits to batch writes into one sync. Artemis' library
     *                              default (3,333,333 ns) caps one client at ~300 commits/s; {@code artemis create}
     *                              calibrates this value to the disk, embedding does not. 250,000 ns suits the
     *                              development machines (~4,000 syncs/s). Calibrate a production disk with
     *                              {@code artemis perf-journal --journal-type NIO} and use the value it prints.
     * @param journalSync           sync the journal to disk before a send or commit returns (never off in production)
     * @param idCacheSize           duplicate-detection ids remembered per address (persisted); at 1,000 notices/s
     *                              100,000 ids cover well over a minute of redeliveries
     * @param redeliveryDelay       first redelivery delay after a rollback
     * @param redeliveryMultiplier  back-off factor between redeliveries
     * @param maxRedeliveryDelay    upper bound of the back-off
     * @param maxDeliveryAttempts   deliveries before a message is parked in {@code samband.hub.dlq}
     * @param tlsProvider           who does the TLS acceptor's TLS: AUTO (default) takes BoringSSL (Netty's
     *                              OPENSSL provider, netty-tcnative) where its native library loads and the JDK
     *                              otherwise; OPENSSL or JDK force one
     */
    public record BrokerSettings(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("61616") int port,
            @DefaultValue("61617") int tlsPort,
            @DefaultValue("NIO") JournalKind journalType,
            @DefaultValue("250000") int journalBufferTimeout,
            @DefaultValue("true") boolean journalSync,
            @DefaultValue("100000") int idCacheSize,
            @DefaultValue("1s") Duration redeliveryDelay,
            @DefaultValue("2.0") double redeliveryMultiplier,
            @DefaultValue("5m") Duration maxRedeliveryDelay,
            @DefaultValue("10") int maxDeliveryAttempts,
            @DefaultValue("AUTO") TlsProvider tlsProvider) {
    }

    /**
     * The hub's PKI directory (layout of {@code se.samband.security.pki.DevPki.Layout}).
     *
     * @param dir                where the PKI lives; unset means {@code <data-dir>/pki} (see {@link #pkiDir()})
     * @param password           password of the key stores in it (the hub's .p12 and the trust store)
     * @param devInit            create a development PKI for the federation at start-up (idempotent, also
     *                           re-issues a stale CRL): the embedded default. Off in production, where the
     *                           directory is provisioned by the federation's real CA.
     * @param crlReloadInterval  how often the hub looks for changed CRLs in {@code <dir>/ca/*.crl}
     */
    public record PkiSettings(
            Path dir,
            @DefaultValue("samband-dev") String password,
            @DefaultValue("true") boolean devInit,
            @DefaultValue("60s") Duration crlReloadInterval) {

        @Override
        public String toString() {
            return "PkiSettings[dir=" + dir + ", devInit=" + devInit + ", crlReloadInterval=" + crlReloadInterval + "]";
        }
    }

    /** Who does the TLS of the agencies' acceptor; the wire protocol and the certificates are the same for each. */
    public enum TlsProvider { AUTO, OPENSSL, JDK }

    /** The journal implementations the hub supports (Artemis' MAPPED is left out: it is not durable per commit). */
    public enum JournalKind { NIO, ASYNCIO }
}
