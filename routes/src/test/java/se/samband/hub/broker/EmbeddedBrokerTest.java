package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSConsumer;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.HubSpringTest;
import se.samband.hub.TestSupport;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Participant;

class EmbeddedBrokerTest extends HubSpringTest {

    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void opensOnlyTheInVmAcceptorThePlainAndTheTlsAcceptorForCoreAndAmqp() {
        // Other brokers on the development machines already listen on 5672 and 1883, so probing those ports
        // would prove nothing: the broker's own list of acceptors is the evidence.
        Map<String, Acceptor> acceptors = server().getRemotingService().getAcceptors();

        assertThat(acceptors).containsOnlyKeys("in-vm", "tcp", "tls");
        Acceptor tcp = acceptors.get("tcp");
        assertThat(tcp.getActualPort()).isEqualTo(BROKER_PORT);
        assertThat(tcp.getConfiguration()).containsEntry("host", "127.0.0.1");
        assertThat(((NettyAcceptor) tcp).getProtocolHandler().getProtocolMap()).containsOnlyKeys("CORE", "AMQP");
        Acceptor tls = acceptors.get("tls");
        assertThat(tls.getActualPort()).isEqualTo(BROKER_TLS_PORT);
        assertThat(tls.getConfiguration()).containsEntry("host", "127.0.0.1")
                .containsEntry("sslEnabled", true).containsEntry("needClientAuth", true);
        assertThat(((NettyAcceptor) tls).getProtocolHandler().getProtocolMap()).containsOnlyKeys("CORE", "AMQP");
    }

    @Test
    void securityIsOnAndTheHubsOwnPluginStampsTheValidatedUser() {
        assertThat(server().getConfiguration().isSecurityEnabled()).isTrue();
        // Not Artemis' populate-validated-user, which would stamp the hub's own sends too (AgencyBrokerAccessTest).
        assertThat(server().getConfiguration().isPopulateValidatedUser()).isFalse();
        assertThat(server().getBrokerPlugins()).hasAtLeastOneElementOfType(ValidatedUserStamp.class);
    }

    @Test
    void createsAnInboxForEveryParticipantButTheHub() {
        for (Participant participant : TestSupport.demoFederation().participants()) {
            var queue = server().locateQueue(SimpleString.of(Endpoints.agencyInbox(participant.id())));
            if (ParticipantId.HUB.equals(participant.id())) {
                assertThat(queue).as(participant.id().value()).isNull();
            } else {
                assertThat(queue).as(participant.id().value()).isNotNull();
                assertThat(queue.isDurable()).isTrue();
                assertThat(queue.getRoutingType()).isEqualTo(RoutingType.ANYCAST);
            }
        }
    }

    @Test
    void auditQueueLetsOnlyOneConsumerReceiveAndConsentChangesIsATopic() {
        assertThat(server().locateQueue(SimpleString.of(Endpoints.HUB_AUDIT)).isExclusive()).isTrue();
        assertThat(server().locateQueue(SimpleString.of(Endpoints.HUB_INBOX)).isExclusive()).isFalse();
        var topic = server().getAddressInfo(SimpleString.of(Endpoints.HUB_CONSENT_CHANGES));
        assertThat(topic).isNotNull();
        assertThat(topic.getRoutingTypes()).containsExactly(RoutingType.MULTICAST);
    }

    @Test
    void agencyAddressesKeepDuplicateIdsAndParkUndeliverableMessages() {
        AddressSettings agency = server().getAddressSettingsRepository()
                .getMatch(Endpoints.agencyInbox(ParticipantId.of("polisen.gavleborg")));

        assertThat(agency.getIDCacheSize()).isEqualTo(100_000);
        assertThat(agency.isAutoCreateQueues()).isFalse();
        assertThat(agency.getDeadLetterAddress().toString()).isEqualTo(Endpoints.HUB_DLQ);
        assertThat(agency.getExpiryAddress().toString()).isEqualTo(Endpoints.HUB_EXPIRED);
    }

    @Test
    void keepsJournalBindingsPagingAndLargeMessagesUnderTheDataDirectory() {
        var config = server().getConfiguration();
        var artemis = DATA_DIR.resolve("artemis");

        assertThat(config.isPersistenceEnabled()).isTrue();
        assertThat(config.getJournalLocation().toPath()).isEqualTo(artemis.resolve("journal"));
        assertThat(config.getBindingsLocation().toPath()).isEqualTo(artemis.resolve("bindings"));
        assertThat(config.getPagingLocation().toPath()).isEqualTo(artemis.resolve("paging"));
        assertThat(config.getLargeMessagesLocation().toPath()).isEqualTo(artemis.resolve("large-messages"));
        assertThat(Files.isDirectory(artemis.resolve("journal"))).isTrue();
        assertThat(config.isPersistIDCache()).isTrue();
    }

    @Test
    void everySambandAddressHasDeadLetterAndExpiryAddressesWithBackOff() {
        AddressSettings agency = server().getAddressSettingsRepository().getMatch("samband.agency.polisen-x.inbox");

        assertThat(agency.getDeadLetterAddress().toString()).isEqualTo(Endpoints.HUB_DLQ);
        assertThat(agency.getExpiryAddress().toString()).isEqualTo(Endpoints.HUB_EXPIRED);
        assertThat(agency.getRedeliveryMultiplier()).isGreaterThan(1.0);
        assertThat(agency.getMaxDeliveryAttempts()).isEqualTo(3);
        assertThat(server().getAddressSettingsRepository().getMatch(Endpoints.HUB_DLQ).getMaxDeliveryAttempts())
                .as("parked messages are never moved on or dropped").isEqualTo(-1);
    }

    @Test
    void createsEveryHubQueueAnycastAndDurable() {
        for (String name : Endpoints.HUB_QUEUES) {
            var queue = server().locateQueue(SimpleString.of(name));
            assertThat(queue).as(name).isNotNull();
            assertThat(queue.isDurable()).as(name).isTrue();
            assertThat(queue.getRoutingType().name()).as(name).isEqualTo("ANYCAST");
        }
    }

    @Test
    void messageRolledBackOnEveryAttemptIsParkedInTheDeadLetterQueue() throws Exception {
        String address = "samband.test." + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            var queue = context.createQueue(address);
            context.createProducer().setProperty("testMarker", marker).send(queue, "undeliverable");
            context.commit();
            try (JMSConsumer consumer = context.createConsumer(queue)) {
                for (int attempt = 1; attempt <= 3; attempt++) {
                    assertThat(consumer.receive(10_000)).as("delivery attempt " + attempt).isNotNull();
                    context.rollback();
                }
                assertThat(consumer.receiveNoWait()).as("no fourth delivery").isNull();
            }
            try (JMSConsumer dlq = context.createConsumer(context.createQueue(Endpoints.HUB_DLQ),
                    "testMarker = '" + marker + "'")) {
                jakarta.jms.Message parked = dlq.receive(10_000);
                assertThat(parked).isNotNull();
                assertThat(parked.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(address);
                context.commit();
            }
        }
    }

    @Test
    void secondSendWithTheSameDuplicateIdIsDropped() throws Exception {
        String address = "samband.test." + UUID.randomUUID();
        String duplicateId = UUID.randomUUID() + ":polisen.gavleborg";
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var queue = context.createQueue(address);
            for (String body : new String[] {"first", "second"}) {
                context.createProducer().setProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), duplicateId)
                        .send(queue, body);
            }
            try (JMSConsumer consumer = context.createConsumer(queue)) {
                assertThat(consumer.receiveBody(String.class, 10_000)).isEqualTo("first");
                assertThat(consumer.receiveNoWait()).as("the duplicate never reaches the queue").isNull();
            }
        }
    }

    @Test
    void hubConnectionFactoryCachesSessionsOnAnInVmConnection() {
        assertThat(connectionFactory).isInstanceOfSatisfying(HubConnectionFactory.class,
                caching -> assertThat(caching.getSessionCacheSize()).isGreaterThan(1));
        var target = (ActiveMQConnectionFactory) ((HubConnectionFactory) connectionFactory)
                .getTargetConnectionFactory();
        assertThat(target.getServerLocator().getStaticTransportConfigurations())
                .extracting(transport -> transport.getFactoryClassName())
                .containsExactly(InVMConnectorFactory.class.getName());
    }

    private ActiveMQServer server() {
        return broker.getActiveMQServer();
    }
}
