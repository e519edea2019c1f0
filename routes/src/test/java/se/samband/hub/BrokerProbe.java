package se.samband.hub;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** Reads what reached the broker's queues, for assertions: committed messages only. */
public final class BrokerProbe {
    private final ConnectionFactory connectionFactory;
    private final EmbeddedActiveMQ broker;

    public BrokerProbe(ConnectionFactory connectionFactory, EmbeddedActiveMQ broker) {
        this.connectionFactory = connectionFactory;
        this.broker = broker;
    }

    /** Consumes every message on {@code queue} that matches the selector and is there within a short wait. */
    public List<Message> drain(String queue, String selector, long firstWaitMillis) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                Message message = consumer.receive(firstWaitMillis);
                while (message != null) {
                    messages.add(message);
                    message = consumer.receive(200);
                }
            }
        }
        return messages;
    }

    /** Messages of one notice on {@code queue}, waiting up to {@code firstWaitMillis} for the first. */
    public List<Message> drainNotice(String queue, UUID noticeId, long firstWaitMillis) throws JMSException {
        return drain(queue, "noticeId = '" + noticeId + "'", firstWaitMillis);
    }

    /** Messages ever added to {@code queue} since the broker started (consumed ones too). */
    public long messagesAdded(String queue) {
        Queue serverQueue = serverQueue(queue);
        return serverQueue == null ? 0 : serverQueue.getMessagesAdded();
    }

    private Queue serverQueue(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
    }

    public static byte[] body(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        bytes.reset();
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }
}
