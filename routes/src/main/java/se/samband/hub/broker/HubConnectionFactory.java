package se.samband.hub.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The hub's JMS connection factory: one shared in-VM connection with cached sessions and producers.
 * Opening a connection and session per send is what costs camel-jms 90 % of its throughput (see
 * PERFORMANCE-NOTES "camel-jms"). Consumers are not cached: listener containers keep their own.
 */
final class HubConnectionFactory extends CachingConnectionFactory {
    private final ActiveMQConnectionFactory target;

    HubConnectionFactory(ActiveMQConnectionFactory target, int sessionCacheSize) {
        super(target);
        this.target = target;
        setSessionCacheSize(sessionCacheSize);
        setCacheProducers(true);
        setCacheConsumers(false);
        setReconnectOnException(true);
    }

    @Override
    public void destroy() {
        super.destroy();
        target.close();
    }
}
