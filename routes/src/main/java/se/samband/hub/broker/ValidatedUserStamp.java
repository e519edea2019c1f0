package se.samband.hub.broker;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.utils.CompositeAddress;
import se.samband.hub.system.Endpoints;

/**
 * Stamps {@code _AMQ_VALIDATED_USER} (the participant id the connection logged in as) on every message a participant
 * sends, whatever its protocol, and on anything sent to the hub inbox, where the intake takes the sender from it.
 * {@code populate-validated-user} would do this for core messages only: Artemis leaves AMQP messages as the client
 * sent them, so without this an AMQP sender would reach the intake with no authenticated sender, or with one it
 * wrote itself.
 *
 * <p>The hub's own in-VM sends elsewhere (recipient copies, receipts, audit events, respond-by checks: four or more
 * per notice) are left as they are. A changed property makes Artemis encode the whole message again, and nothing
 * reads the stamp on them: that was a copy of every message the hub sent.
 */
final class ValidatedUserStamp implements ActiveMQServerMessagePlugin {
    private static final SimpleString INBOX = SimpleString.of(Endpoints.HUB_INBOX);

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        if (inVm(session) && !toInbox(message)) {
            return;
        }
        String user = session.getValidatedUser();
        if (user != null) {
            message.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(user));
        } else {
            message.removeProperty(Message.HDR_VALIDATED_USER);
        }
    }

    private static boolean inVm(ServerSession session) {
        RemotingConnection connection = session.getRemotingConnection();
        return connection != null && connection.getTransportConnection() instanceof InVMConnection;
    }

    private static boolean toInbox(Message message) {
        SimpleString address = message.getAddressSimpleString();
        return address == null || INBOX.equals(CompositeAddress.extractAddressName(address));
    }
}
