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
 */
@ConfigurationProperties(prefix = "samband")
public record HubProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue FederationSettings federation,
        @DefaultValue BrokerSettings broker) {

    /** @param location a Spring resource: {@code classpath:...} or {@code file:/etc/samband/federation.yaml} */
    public record FederationSettings(@DefaultValue("classpath:samband/demo/federation.yaml") Resource location) {
    }

    /**
     * The embedded broker.
     *
     * @param host                  interface of the TCP acceptor (CORE and AMQP); loopback unless agencies connect
     * @param port                  port of the TCP acceptor
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
     */
    public record BrokerSettings(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("61616") int port,
            @DefaultValue("NIO") JournalKind journalType,
            @DefaultValue("250000") int journalBufferTimeout,
            @DefaultValue("true") boolean journalSync,
            @DefaultValue("100000") int idCacheSize,
            @DefaultValue("1s") Duration redeliveryDelay,
            @DefaultValue("2.0") double redeliveryMultiplier,
            @DefaultValue("5m") Duration maxRedeliveryDelay,
            @DefaultValue("10") int maxDeliveryAttempts) {
    }

    /** The journal implementations the hub supports (Artemis' MAPPED is left out: it is not durable per commit). */
    public enum JournalKind { NIO, ASYNCIO }
}
