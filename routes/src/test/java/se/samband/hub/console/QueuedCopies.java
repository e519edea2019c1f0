package se.samband.hub.console;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * Messages that look like delivered copies of a child-concern report from {@code sender} (properties as the
 * dispatcher sets them, the notice id as body), put straight on a queue: what the console's queue and dead-letter
 * pages work on, without a notice going through the pipeline.
 */
final class QueuedCopies {
    private final ConnectionFactory connectionFactory;
    private final ParticipantId sender;

    QueuedCopies(ConnectionFactory connectionFactory, ParticipantId sender) {
        this.connectionFactory = connectionFactory;
        this.sender = sender;
    }

    /** A copy of notice {@code noticeId} on {@code queue}. */
    void send(String queue, String noticeId) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(noticeId.getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("noticeId", noticeId);
            message.setStringProperty("type", NoticeType.CHILD_CONCERN_REPORT.name());
            message.setStringProperty("sender", sender.value());
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }

    /**
     * Puts a copy on {@code queue} and rolls its delivery back until the broker parks it in the DLQ.
     *
     * @return how many deliveries were rolled back before the broker parked it
     */
    int deadLetter(String queue, UUID noticeId) throws JMSException {
        send(queue, noticeId.toString());
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    "noticeId = '" + noticeId + "'")) {
                int attempts = 0;
                while (consumer.receive(2000) != null) {
                    session.rollback();
                    attempts++;
                }
                return attempts;
            }
        }
    }
}
