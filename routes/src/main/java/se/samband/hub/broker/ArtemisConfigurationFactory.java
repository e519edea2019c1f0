package se.samband.hub.broker;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.BrokerSettings;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/**
 * The embedded broker's whole configuration, in code, so that nothing depends on a broker.xml and every
 * setting the hub relies on is visible and tested in one place.
 */
final class ArtemisConfigurationFactory {
    static final String IN_VM_ACCEPTOR = "in-vm";
    static final String TCP_ACCEPTOR = "tcp";
    static final String TLS_ACCEPTOR = "tls";
    /** The acceptor parameter that names who does its TLS (JDK or OPENSSL). */
    private static final String SSL_PROVIDER = "sslProvider";
    /** The in-VM server id the hub's own connection factory connects to. */
    static final int IN_VM_SERVER_ID = 0;
    static final String IN_VM_URL = "vm://" + IN_VM_SERVER_ID;
    static final String TCP_PROTOCOLS = "CORE,AMQP";

    private ArtemisConfigurationFactory() {
    }

    /**
     * The broker with its acceptors for the hub (in-VM, plain TCP), its address settings and queues: the hub's own
     * plus one inbox per agency. Security is on: add a security manager when starting (see BrokerConfiguration).
     */
    static Configuration create(HubProperties properties, Collection<ParticipantId> agencies) throws Exception {
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
                // Every login and every send/consume is decided by ParticipantSecurityManager, which the broker
                // bean installs. Logins are not cached, so a revoked certificate cannot open a new connection once
                // the hub has taken in the CRL. Without the cache Artemis authenticates again for every send it
                // checks, so the manager answers the hub's in-VM sessions with one subject made once.
                .setSecurityEnabled(true)
                .setAuthenticationCacheSize(0)
                // Every message a participant sends carries its authenticated sender (_AMQ_VALIDATED_USER =
                // participant id), which the intake compares with the header's sender: ValidatedUserStamp writes it,
                // for every protocol, and leaves the hub's own in-VM sends alone except to the inbox
                // (populate-validated-user would stamp them all, and every stamp costs a second encoding).
                .setPopulateValidatedUser(false)
                // The hub reports the broker through its health endpoint; no platform MBeans, which would also
                // clash between two brokers in one JVM (tests).
                .setJMXManagementEnabled(false);

        // Only these acceptors (in-VM, plain TCP and, see withTlsAcceptor, TLS): nothing opens Artemis' usual
        // defaults (5672, 1883, 61613, ...).
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, IN_VM_SERVER_ID), IN_VM_ACCEPTOR));
        config.addAcceptorConfiguration(TCP_ACCEPTOR,
                "tcp://" + broker.host() + ":" + broker.port() + "?protocols=" + TCP_PROTOCOLS);

        config.addAddressSetting(Endpoints.ALL_SAMBAND_ADDRESSES, sambandAddressSettings(broker));
        config.addAddressSetting(Endpoints.ALL_AGENCY_ADDRESSES, agencyAddressSettings(broker));
        // Parked messages wait for an operator: they are never dropped or moved on, however often they are read.
        AddressSettings parked = new AddressSettings().setMaxDeliveryAttempts(-1);
        config.addAddressSetting(Endpoints.HUB_DLQ, parked);
        config.addAddressSetting(Endpoints.HUB_EXPIRED, parked);

        for (String queue : Endpoints.HUB_QUEUES) {
            config.addQueueConfiguration(durableAnycast(queue)
                    // One audit writer at a time, however many hub instances consume: the chain is appended in order.
                    .setExclusive(Endpoints.HUB_AUDIT.equals(queue)));
        }
        for (ParticipantId agency : agencies) {
            config.addQueueConfiguration(durableAnycast(Endpoints.agencyInbox(agency)));
        }
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(Endpoints.HUB_CONSENT_CHANGES)
                .addRoutingType(RoutingType.MULTICAST));
        // The authenticated sender on what participants send, for core and AMQP messages alike.
        config.registerBrokerPlugin(new ValidatedUserStamp());
        // ParticipantSecurityManager decides every check itself; this entry only makes sure that every address has
        // roles to hand to it (an address without matching roles would be refused before the manager is asked).
        config.putSecurityRoles("#", Set.of(allPermissions(ParticipantSecurityManager.HUB_ROLE),
                allPermissions(ParticipantSecurityManager.PARTICIPANT_ROLE)));
        return config;
    }

    /**
     * Adds the agencies' acceptor: TLS with a client certificate required, the hub's key store as server identity
     * and the federation's CA in the trust store, so the handshake already refuses a certificate from another CA or
     * none at all. Revocation is checked at login with the CRLs the hub reloads (an acceptor's crlPath would be read
     * once, at start).
     */
    static void withTlsAcceptor(Configuration config, HubProperties properties, DevPki.Layout pki) {
        BrokerSettings broker = properties.broker();
        String password = properties.pki().password();
        Map<String, Object> params = new HashMap<>();
        params.put("host", broker.host());
        params.put("port", broker.tlsPort());
        params.put("protocols", TCP_PROTOCOLS);
        params.put("sslEnabled", true);
        params.put("needClientAuth", true);
        params.put("enabledProtocols", "TLSv1.3,TLSv1.2");
        params.put(SSL_PROVIDER, TlsProviders.effective(broker.tlsProvider()));
        params.put("keyStoreType", "PKCS12");
        params.put("keyStorePath", pki.participantKeyStore(ParticipantId.HUB).toString());
        params.put("keyStorePassword", password);
        params.put("trustStoreType", "PKCS12");
        params.put("trustStorePath", pki.trustStore().toString());
        params.put("trustStorePassword", password);
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), params,
                TLS_ACCEPTOR));
    }

    /** The TLS acceptor's provider as configured on it (JDK or OPENSSL); "none" without a TLS acceptor. */
    static String tlsProviderOf(Configuration config) {
        return config.getAcceptorConfigurations().stream()
                .filter(acceptor -> TLS_ACCEPTOR.equals(acceptor.getName()))
                .map(acceptor -> String.valueOf(acceptor.getParams().getOrDefault(SSL_PROVIDER, TlsProviders.JDK)))
                .findFirst()
                .orElse("none");
    }

    private static QueueConfiguration durableAnycast(String queue) {
        return QueueConfiguration.of(queue)
                .setAddress(queue)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(true);
    }

    private static Role allPermissions(String name) {
        return new Role(name, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    static Path artemisDirectory(HubProperties properties) {
        return properties.dataDir().resolve("artemis").toAbsolutePath().normalize();
    }

    /**
     * Recipient queues: the dispatcher sets a duplicate id (notice id + recipient) on every delivery, so a dispatch
     * redone after a crash delivers nothing twice; each agency address keeps its own window of ids. Nothing under
     * {@code samband.agency.} is created on demand: every inbox exists from start-up, and a send to an unknown one
     * must fail instead of filling a queue that nobody reads.
     */
    private static AddressSettings agencyAddressSettings(BrokerSettings broker) {
        return new AddressSettings()
                .setIDCacheSize(broker.idCacheSize())
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false);
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
