package se.samband.hub.intake;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Step 0 of the inbox route: turns the JMS message into a {@link Submission}. The sender is the user the
 * broker authenticated and stamped on the message ({@code _AMQ_VALIDATED_USER}, written by the broker's
 * ValidatedUserStamp over whatever a client set; a participant's certificate login gives its participant id);
 * a message without a participant id there is refused as {@code sender_unknown}. The body
 * must be a BytesMessage within the size limit, checked before the bytes are read.
 */
final class InboxMessages implements Processor {
    /** The property Artemis sets to the authenticated user of the producing connection. */
    static final String VALIDATED_USER = org.apache.activemq.artemis.api.core.Message.HDR_VALIDATED_USER.toString();

    private final int maxContainerBytes;
    private final Clock clock;

    InboxMessages(int maxContainerBytes, Clock clock) {
        this.maxContainerBytes = maxContainerBytes;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message message = in.getJmsMessage();
        Session session = in.getJmsSession();
        exchange.setProperty(IntakeExchange.SESSION, session);
        ParticipantId sender = authenticatedSender(message);
        exchange.setProperty(IntakeExchange.SENDER, sender);
        if (!(message instanceof BytesMessage bytes)) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "inbox message is not a BytesMessage");
        }
        if (bytes.getBodyLength() > maxContainerBytes) {
            throw new SambandException(ErrorCode.NOTICE_TOO_LARGE,
                    "inbox message of " + bytes.getBodyLength() + " bytes exceeds " + maxContainerBytes);
        }
        byte[] container = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(container);
        exchange.setProperty(IntakeExchange.CONTAINER, container);
        if (sender == null) {
            // The user name is not logged: without a login it is absent, and a malformed one is not an id.
            throw new SambandException(ErrorCode.SENDER_UNKNOWN, "inbox message without an authenticated participant");
        }
        in.setBody(new Submission(container, sender, Submission.Transport.JMS, clock.instant()));
    }

    private static ParticipantId authenticatedSender(Message message) throws JMSException {
        String user = message.getStringProperty(VALIDATED_USER);
        return ParticipantId.isValid(user) ? ParticipantId.of(user) : null;
    }
}
