package se.samband.hub.broker;

import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.BrokerSettings;

/**
 * The embedded broker's whole configuration, in code, so that nothing depends on a broker.xml and every
 * setting the hub relies on is visible and tested in one place.
 */
final class ArtemisConfigurationFactory {
    static final String IN_VM_ACCEPTOR = "in-vm";
    static final String TCP_ACCEPTOR = "tcp";
    /** The in-VM server id the hub's own connection factory connects to. */
    static final int IN_VM_SERVER_ID = 0;
    static final String IN_VM_URL = "vm://" + IN_VM_SERVER_ID;
    static final String TCP_PROTOCOLS = "CORE,AMQP";

    private ArtemisConfigurationFactory() {
    }

    static Configuration create(HubProperties properties) throws Exception {
        BrokerSettings broker = properties.broker();
        Path base = artemisDirectory(properties);
        Configuration config = new ConfigurationImpl()
                .setName("samband-hub")
                .setPersistenceEnabled(true)
                .setJournalDirectory(base.resolve("journal").toString())
                .setBindingsDirectory(base.resolve("bindings").toString())
                .setPagingDirectory(base.resolve("paging").toString())
                .setLargeMessagesDirectory(base.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(base.toString())
                .setJournalType(JournalType.valueOf(broker.journalType().name()))
                // Both values: Artemis falls back from ASYNCIO to NIO on its own and then uses the NIO one.
                .setJournalBufferTimeout_NIO(broker.journalBufferTimeout())
                .setJournalBufferTimeout_AIO(broker.journalBufferTimeout())
                .setJournalSyncTransactional(broker.journalSync())
                .setJournalSyncNonTransactional(broker.journalSync())
                // Duplicate detection: senders set _AMQ_DUPL_ID (notice id + recipient); the ids survive restarts.
                .setIDCacheSize(broker.idCacheSize())
                .setPersistIDCache(true)
                // Security is off for now: the only network acceptor is on loopback by default. The agencies'
                // TLS acceptor (61617) with certificate login and per-queue permissions comes with the
                // pipeline issue, and then security is switched on here.
                .setSecurityEnabled(false)
                // The hub reports the broker through its health endpoint; no platform MBeans, which would also
                // clash between two brokers in one JVM (tests).
                .setJMXManagementEnabled(false);

        // Only these two acceptors: nothing opens Artemis' usual defaults (5672, 1883, 61613, ...).
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, IN_VM_SERVER_ID), IN_VM_ACCEPTOR));
        config.addAcceptorConfiguration(TCP_ACCEPTOR,
                "tcp://" + broker.host() + ":" + broker.port() + "?protocols=" + TCP_PROTOCOLS);

        config.addAddressSetting(Endpoints.ALL_SAMBAND_ADDRESSES, sambandAddressSettings(broker));
        // Parked messages wait for an operator: they are never dropped or moved on, however often they are read.
        AddressSettings parked = new AddressSettings().setMaxDeliveryAttempts(-1);
        config.addAddressSetting(Endpoints.HUB_DLQ, parked);
        config.addAddressSetting(Endpoints.HUB_EXPIRED, parked);

        for (String queue : Endpoints.HUB_QUEUES) {
            config.addQueueConfiguration(QueueConfiguration.of(queue)
                    .setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
        return config;
    }

    static Path artemisDirectory(HubProperties properties) {
        return properties.dataDir().resolve("artemis").toAbsolutePath().normalize();
    }

    private static AddressSettings sambandAddressSettings(BrokerSettings broker) {
        return new AddressSettings()
                // Explicit addresses also keep Artemis from warning AMQ222165/AMQ222166 on every undeliverable
                // or expired message.
                .setDeadLetterAddress(SimpleString.of(Endpoints.HUB_DLQ))
                .setExpiryAddress(SimpleString.of(Endpoints.HUB_EXPIRED))
                .setAutoCreateDeadLetterResources(false)
                .setAutoCreateExpiryResources(false)
                .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(broker.redeliveryMultiplier())
                .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis())
                .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                // A slow consumer must never make the hub refuse or drop notices: page to disk instead.
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
    }
}
