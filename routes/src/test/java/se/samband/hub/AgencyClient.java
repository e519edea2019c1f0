package se.samband.hub;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;

/** An agency's connector in miniature: core JMS over the hub's TLS acceptor with the participant's certificate. */
public final class AgencyClient implements AutoCloseable {
    private final ParticipantId participant;
    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;

    public AgencyClient(ParticipantId participant, int tlsPort, Path pkiDir) throws JMSException {
        this.participant = participant;
        this.factory = new ActiveMQConnectionFactory(AgencyTls.coreUrl(tlsPort, AgencyTls.keyStore(pkiDir, participant),
                AgencyTls.trustStore(pkiDir)));
        this.connection = factory.createConnection();
        this.connection.start();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends a container to the hub inbox, persistent, as a BytesMessage. */
    public void submit(byte[] container) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(container);
        session.createProducer(session.createQueue(Endpoints.HUB_INBOX)).send(message);
    }

    /** Sends containers to the hub inbox in one transaction, so that the hub finds them all waiting at once. */
    public void submitTogether(List<byte[]> containers) throws JMSException {
        try (Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = transacted.createProducer(transacted.createQueue(Endpoints.HUB_INBOX));
            for (byte[] container : containers) {
                BytesMessage message = transacted.createBytesMessage();
                message.writeBytes(container);
                producer.send(message);
            }
            transacted.commit();
        }
    }

    /** Receives from the participant's own queue what matches the selector, waiting up to the timeout for each. */
    public List<Message> receive(String selector, long firstWaitMillis) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(Endpoints.agencyInbox(participant)),
                selector)) {
            Message message = consumer.receive(firstWaitMillis);
            while (message != null) {
                messages.add(message);
                message = consumer.receive(300);
            }
        }
        return messages;
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }
}
