package se.samband.hub.broker;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Stamps {@code _AMQ_VALIDATED_USER} (the participant id the connection logged in as) on every message a session
 * sends, whatever its protocol. {@code populate-validated-user} does this for core messages only: Artemis leaves
 * AMQP messages as the client sent them, so without this an AMQP sender would reach the intake with no
 * authenticated sender, or with one it wrote itself.
 */
final class ValidatedUserStamp implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        String user = session.getValidatedUser();
        if (user != null) {
            message.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(user));
        } else {
            message.removeProperty(Message.HDR_VALIDATED_USER);
        }
    }
}
