package se.samband.hub.broker;

import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.apache.activemq.artemis.utils.CompositeAddress;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Properties;
import se.samband.hub.system.Endpoints;

/**
 * Stamps {@code _AMQ_VALIDATED_USER} (the participant id the connection logged in as) on every message a participant
 * sends, whatever its protocol, and on anything sent to the hub inbox, where the intake takes the sender from it.
 * {@code populate-validated-user} would do this for core messages only: Artemis leaves AMQP messages as the client
 * sent them, so without this an AMQP sender would reach the intake with no authenticated sender, or with one it
 * wrote itself.
 *
 * <p>An AMQP message that names another user in its {@code user-id}, or in an application property
 * {@code JMSXUserID}, is refused: when the broker converts an AMQP message for the intake's core consumer, it writes
 * the {@code user-id} to {@code _AMQ_VALIDATED_USER} after this stamp, which it would overwrite
 * (ValidatedUserStampTest), and the application property the same way, in the map's order.
 *
 * <p>The hub's own in-VM sends elsewhere (recipient copies, receipts, audit events: three or more per notice) are
 * left as they are. A changed property makes Artemis encode the whole message again, and nothing
 * reads the stamp on them: that was a copy of every message the hub sent.
 */
final class ValidatedUserStamp implements ActiveMQServerMessagePlugin {
    private static final SimpleString INBOX = SimpleString.of(Endpoints.HUB_INBOX);
    /** The JMS name of AMQP's {@code user-id}, which Artemis' conversion maps to the validated user. */
    static final String JMSX_USER_ID = "JMSXUserID";

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQSecurityException {
        if (ParticipantSecurityManager.isInVm(session.getRemotingConnection()) && !toInbox(message)) {
            return;
        }
        String user = session.getValidatedUser();
        if (message instanceof AMQPMessage amqp && namesAnotherUser(amqp, user)) {
            // The claimed name is not repeated: it came from the client.
            throw new ActiveMQSecurityException("a message may not name a user other than its sender's login");
        }
        if (user != null) {
            message.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(user));
        } else {
            message.removeProperty(Message.HDR_VALIDATED_USER);
        }
    }

    private static boolean namesAnotherUser(AMQPMessage message, String user) {
        Properties properties = message.getProperties();
        Binary userId = properties == null ? null : properties.getUserId();
        if (userId != null && !new String(userId.getArray(), userId.getArrayOffset(), userId.getLength(),
                StandardCharsets.UTF_8).equals(user)) {
            return true;
        }
        ApplicationProperties application = message.getApplicationProperties();
        Object property = application == null || application.getValue() == null ? null
                : application.getValue().get(JMSX_USER_ID);
        return property != null && !property.toString().equals(user);
    }

    private static boolean toInbox(Message message) {
        SimpleString address = message.getAddressSimpleString();
        return address == null || INBOX.equals(CompositeAddress.extractAddressName(address));
    }
}
