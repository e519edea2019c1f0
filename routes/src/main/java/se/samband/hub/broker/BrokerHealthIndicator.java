package se.samband.hub.broker;

import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import se.samband.hub.system.Endpoints;

/**
 * Health component {@code broker}: UP when the embedded broker is started and active, its TCP and TLS acceptors
 * run and every hub queue exists. Details hold the effective journal type (ASYNCIO may have fallen back
 * to NIO), the acceptor ports, who does the agencies' TLS and the number of queues: never message content.
 */
class BrokerHealthIndicator extends AbstractHealthIndicator {
    private final EmbeddedActiveMQ broker;

    BrokerHealthIndicator(EmbeddedActiveMQ broker) {
        super("Broker health check failed");
        this.broker = broker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ActiveMQServer server = broker.getActiveMQServer();
        if (server == null || !server.isStarted() || !server.isActive()) {
            builder.down().withDetail("reason", "broker not started or not active");
            return;
        }
        Acceptor tcp = server.getRemotingService().getAcceptor(ArtemisConfigurationFactory.TCP_ACCEPTOR);
        Acceptor tls = server.getRemotingService().getAcceptor(ArtemisConfigurationFactory.TLS_ACCEPTOR);
        List<String> missing = Endpoints.HUB_QUEUES.stream()
                .filter(queue -> server.locateQueue(SimpleString.of(queue)) == null)
                .toList();
        builder.withDetail("journalType", server.getConfiguration().getJournalType().name())
                .withDetail("acceptorPort", tcp == null ? -1 : tcp.getActualPort())
                .withDetail("tlsAcceptorPort", tls == null ? -1 : tls.getActualPort())
                .withDetail("tlsProvider", ArtemisConfigurationFactory.tlsProviderOf(server.getConfiguration()))
                .withDetail("queueCount", server.getActiveMQServerControl().getQueueCount());
        if (tcp == null || !tcp.isStarted()) {
            builder.down().withDetail("reason", "TCP acceptor not running");
        } else if (tls == null || !tls.isStarted()) {
            builder.down().withDetail("reason", "TLS acceptor not running");
        } else if (!missing.isEmpty()) {
            builder.down().withDetail("missingQueues", missing);
        } else {
            builder.up();
        }
    }
}
