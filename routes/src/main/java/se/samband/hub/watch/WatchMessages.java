package se.samband.hub.watch;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.UUID;
import se.samband.hub.dispatch.DispatchProperties;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;

/**
 * The check message on {@code samband.hub.watch}: its properties as {@code DispatchWriter} writes them, plus
 * {@link #RECHECK} on a check the watch put back. A check put back gets its own duplicate id (the first one's is
 * still in the broker's id cache) that names the attempt and the time, so it too is written once.
 */
final class WatchMessages {
    /** How often the check was put back because the handover was not yet recorded. */
    static final String RECHECK = "recheck";
    private static final String DUPLICATE_ID = org.apache.activemq.artemis.api.core.Message
            .HDR_DUPLICATE_DETECTION_ID.toString();
    private static final String SCHEDULED_DELIVERY = org.apache.activemq.artemis.api.core.Message
            .HDR_SCHEDULED_DELIVERY_TIME.toString();

    private WatchMessages() {
    }

    /**
     * The check a message carries. A message without its ids is not a check; it is not a participant's refusal
     * either, so it takes the transient path: rolled back, redelivered, then parked in the DLQ for an operator.
     */
    static DueCheck read(Message message) throws JMSException {
        String notice = message.getStringProperty(DispatchProperties.NOTICE_ID);
        String recipient = message.getStringProperty(DispatchProperties.RECIPIENT);
        String sender = message.getStringProperty(DispatchProperties.SENDER);
        if (notice == null || !ParticipantId.isValid(recipient)
                || !message.propertyExists(DispatchProperties.RESPOND_BY)) {
            throw new IllegalArgumentException("watch message " + message.getJMSMessageID()
                    + " is not a respond-by check");
        }
        UUID noticeId;
        try {
            noticeId = UUID.fromString(notice);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("watch message " + message.getJMSMessageID()
                    + " has no valid notice id");
        }
        int recheck = message.propertyExists(RECHECK) ? message.getIntProperty(RECHECK) : 0;
        return new DueCheck(noticeId, ParticipantId.of(recipient),
                ParticipantId.isValid(sender) ? ParticipantId.of(sender) : null,
                Instant.ofEpochMilli(message.getLongProperty(DispatchProperties.RESPOND_BY)), recheck);
    }

    /** Puts {@code check} back on the watch queue for {@code at}, in the session's transaction. */
    static void recheck(Session session, DueCheck check, Instant at) throws JMSException {
        Message message = session.createMessage();
        message.setStringProperty(DispatchProperties.NOTICE_ID, check.noticeId().toString());
        message.setStringProperty(DispatchProperties.RECIPIENT, check.recipient().value());
        if (check.sender() != null) {
            message.setStringProperty(DispatchProperties.SENDER, check.sender().value());
        }
        message.setLongProperty(DispatchProperties.RESPOND_BY, check.respondBy().toEpochMilli());
        message.setIntProperty(RECHECK, check.recheck());
        message.setLongProperty(SCHEDULED_DELIVERY, at.toEpochMilli());
        message.setStringProperty(DUPLICATE_ID, "watch:" + check.noticeId() + ":" + check.recipient().value()
                + ":" + check.recheck() + ":" + at.toEpochMilli());
        try (MessageProducer producer = session.createProducer(session.createQueue(Endpoints.HUB_WATCH))) {
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        }
    }
}
