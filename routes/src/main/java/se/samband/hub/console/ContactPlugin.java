package se.samband.hub.console;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/** Notes a participant's contact when it opens a broker session or sends a message (its validated user). */
final class ContactPlugin implements ActiveMQServerSessionPlugin, ActiveMQServerMessagePlugin {
    private final ParticipantContacts contacts;

    ContactPlugin(ParticipantContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void afterCreateSession(ServerSession session) {
        contacts.seen(session.getValidatedUser());
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        contacts.seen(session.getValidatedUser());
    }
}
