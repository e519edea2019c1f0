package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.JournalKind;

/**
 * A broker upgraded from a version that scheduled respond-by checks on samband.hub.watch: the queue and a waiting
 * check survive a restart in the journal, and the hub's start removes both (the handover table holds the times).
 */
@ExtendWith(OutputCaptureExtension.class)
class RetiredWatchQueueTest {
    /** The shared hub context of other tests in this JVM holds in-VM server id 0. */
    private static final int IN_VM_SERVER_ID = 73;

    @Test
    void theHubsStartRemovesTheRetiredWatchQueueWithItsChecks(CapturedOutput output) throws Exception {
        HubProperties properties = StandaloneBrokers.properties("retired-watch", JournalKind.NIO);
        SimpleString watch = SimpleString.of(BrokerConfiguration.RETIRED_WATCH_QUEUE);

        EmbeddedActiveMQ earlier = new EmbeddedActiveMQ();
        Configuration earlierConfiguration = configuration(properties);
        earlierConfiguration.addQueueConfiguration(QueueConfiguration.of(watch).setAddress(watch)
                .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        earlier.setConfiguration(earlierConfiguration);
        earlier.start();
        try {
            scheduleCheck();
            assertThat(earlier.getActiveMQServer().locateQueue(watch).getScheduledCount()).isEqualTo(1);
        } finally {
            earlier.stop();
        }

        EmbeddedActiveMQ upgraded = BrokerConfiguration.start(configuration(properties), null, properties);
        try {
            assertThat(upgraded.getActiveMQServer().locateQueue(watch)).isNull();
            assertThat(upgraded.getActiveMQServer().getAddressInfo(watch)).isNull();
            assertThat(output.getOut())
                    .contains("Removed the retired queue samband.hub.watch with 1 respond-by checks");
        } finally {
            upgraded.stop();
        }
    }

    /** A check as the earlier hub wrote it: persistent, scheduled a day ahead. */
    private static void scheduleCheck() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + IN_VM_SERVER_ID);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message check = session.createMessage();
            check.setLongProperty("_AMQ_SCHED_DELIVERY", System.currentTimeMillis() + Duration.ofDays(1).toMillis());
            session.createProducer(session.createQueue(BrokerConfiguration.RETIRED_WATCH_QUEUE)).send(check);
        }
    }

    private static Configuration configuration(HubProperties properties) throws Exception {
        Configuration configuration = StandaloneBrokers.configuration(properties);
        configuration.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of("serverId", IN_VM_SERVER_ID), "test-in-vm"));
        // No client logs in with a password here: the broker's default security manager is enough.
        return configuration.setSecurityEnabled(false);
    }
}
