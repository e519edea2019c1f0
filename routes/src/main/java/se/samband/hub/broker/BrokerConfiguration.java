package se.samband.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.List;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import se.samband.hub.directory.Directory;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.BrokerSettings;
import se.samband.hub.trust.ParticipantAuthenticator;
import se.samband.hub.trust.PkiFederationTrust;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Participant;

/**
 * Starts the embedded Artemis broker and gives the hub its JMS connection factory. Spring Boot's own
 * Artemis auto-configuration is excluded (see HubApplication): the broker is configured fully here.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(BrokerConfiguration.class);
    /** Where respond-by checks waited before the handover table held them. */
    static final String RETIRED_WATCH_QUEUE = "samband.hub.watch";
    /**
     * The buffer a new message starts with. Artemis' default, 1,500 bytes, is smaller than a sealed container (a
     * 1 KiB payload seals to about 3.3 KiB), so every recipient copy, receipt and audit message the hub wrote grew
     * its buffer once: a new zeroed array, a copy and netty's allocation counters, 4 % of the intake's time in a
     * profile. 8 KiB holds the container of a payload up to about 5 KiB; bigger ones still grow, once.
     */
    static final int INITIAL_MESSAGE_BYTES = 8 * 1024;
    /** Sessions kept open for the hub's routes; more than the consumers a route will run concurrently. */
    private static final int SESSION_CACHE_SIZE = 16;

    /**
     * Starts after the directory (the broker must not accept notices that the hub cannot yet route) and after the
     * PKI (the TLS acceptor reads the hub's key store and the trust store from it).
     */
    @Bean(destroyMethod = "stop")
    EmbeddedActiveMQ hubBroker(HubProperties properties, Directory directory, PkiFederationTrust federationTrust,
                               ParticipantAuthenticator authenticator) throws Exception {
        List<ParticipantId> agencies = directory.federation().participants().stream()
                .map(Participant::id)
                .filter(id -> !ParticipantId.HUB.equals(id))
                .toList();
        var configuration = ArtemisConfigurationFactory.create(properties, agencies);
        ArtemisConfigurationFactory.withTlsAcceptor(configuration, properties, federationTrust.layout());
        var security = new ParticipantSecurityManager(authenticator, HubInternalUser.NAME,
                HubInternalUser.password(properties.dataDir()));
        return start(configuration, security, properties);
    }

    /** Starts a broker with this configuration and logs what is really in effect. */
    static EmbeddedActiveMQ start(org.apache.activemq.artemis.core.config.Configuration configuration,
                                  ActiveMQSecurityManager security, HubProperties properties) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.setSecurityManager(security);
        broker.start();
        logEffectiveSetup(broker.getActiveMQServer(), properties);
        removeRetiredWatchQueue(broker.getActiveMQServer());
        return broker;
    }

    /**
     * Until 2026-12-07 each respond-by check waited on {@value #RETIRED_WATCH_QUEUE} as a scheduled message, in the
     * broker's heap until due. The handover table holds the respond-by times now (V10 carried the waiting ones over),
     * so a broker upgraded from then drops the queue and its checks, which nothing reads any more.
     */
    static void removeRetiredWatchQueue(ActiveMQServer server) throws Exception {
        SimpleString name = SimpleString.of(RETIRED_WATCH_QUEUE);
        Queue queue = server.locateQueue(name);
        if (queue != null) {
            // Scheduled messages included.
            long checks = queue.getMessageCount();
            server.destroyQueue(name, null, false, true, true);
            log.info("Removed the retired queue {} with {} respond-by checks: the respond-by watch reads the handover"
                    + " table", RETIRED_WATCH_QUEUE, checks);
        }
        if (server.getAddressInfo(name) != null) {
            server.removeAddressInfo(name, null, true);
        }
    }

    /** The hub's in-VM JMS factory; depending on the broker bean makes it close before the broker stops. */
    @Bean
    ConnectionFactory connectionFactory(EmbeddedActiveMQ hubBroker) {
        ActiveMQConnectionFactory inVm = new ActiveMQConnectionFactory(ArtemisConfigurationFactory.IN_VM_URL);
        inVm.setInitialMessagePacketSize(INITIAL_MESSAGE_BYTES);
        return new HubConnectionFactory(inVm, SESSION_CACHE_SIZE);
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(EmbeddedActiveMQ hubBroker) {
        return new BrokerHealthIndicator(hubBroker);
    }

    private static void logEffectiveSetup(ActiveMQServer server, HubProperties properties) {
        BrokerSettings settings = properties.broker();
        // Artemis silently switches an ASYNCIO journal to NIO when libaio or its native library is missing;
        // the configuration then holds the journal type really in use.
        JournalType effective = server.getConfiguration().getJournalType();
        if (!effective.name().equals(settings.journalType().name())) {
            log.warn("Journal type {} was configured but is not available here (libaio and the Artemis native "
                    + "library are needed); the broker runs on {}", settings.journalType(), effective);
        }
        log.info("Artemis broker is live: journal {} (buffer timeout {} ns, sync {}), acceptors {}, "
                        + "tcp://{}:{} (hub-internal login) and TLS tcp://{}:{} (client certificates, TLS by {}), "
                        + "both {}, data in {}",
                effective, settings.journalBufferTimeout(), settings.journalSync() ? "on" : "OFF",
                ArtemisConfigurationFactory.IN_VM_URL, settings.host(), settings.port(), settings.host(),
                settings.tlsPort(), ArtemisConfigurationFactory.tlsProviderOf(server.getConfiguration()),
                ArtemisConfigurationFactory.TCP_PROTOCOLS,
                ArtemisConfigurationFactory.artemisDirectory(properties));
    }
}
