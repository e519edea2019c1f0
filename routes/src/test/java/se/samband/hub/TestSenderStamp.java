package se.samband.hub;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.RoutingContext;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;

/**
 * Test-only broker plugin: on addresses under {@value #PREFIX} it stamps {@code _AMQ_VALIDATED_USER} from the
 * message property {@value #PROPERTY} (and removes it when that is absent or empty), standing in for a certificate
 * login so that route tests can send as any participant over the in-VM connection (whose sends the broker stamps as
 * the hub itself on the inbox only). The hub's real queues are never touched: the TLS path is exercised end to end by
 * the delivery-flow and log-canary tests.
 */
public final class TestSenderStamp implements ActiveMQServerMessagePlugin {
    public static final String PREFIX = "samband.test.";
    public static final String PROPERTY = "testValidatedUser";

    /** Registers the plugin once on this broker. */
    public static synchronized void install(ActiveMQServer server) {
        if (server.getBrokerPlugins().stream().noneMatch(TestSenderStamp.class::isInstance)) {
            server.registerBrokerPlugin(new TestSenderStamp());
        }
    }

    /** Before routing, i.e. after the hub's own stamp (ValidatedUserStamp) has run. */
    @Override
    public void beforeMessageRoute(Message message, RoutingContext context, boolean direct, boolean rejectDuplicates) {
        String address = message.getAddress();
        if (address != null && address.startsWith(PREFIX)) {
            Object user = message.getObjectProperty(PROPERTY);
            if (user == null || user.toString().isEmpty()) {
                message.removeProperty(Message.HDR_VALIDATED_USER);
            } else {
                message.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(user.toString()));
            }
        }
    }
}
