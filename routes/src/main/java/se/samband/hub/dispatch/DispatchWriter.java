package se.samband.hub.dispatch;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import se.samband.hub.audit.AuditEventCodec;
import se.samband.hub.dispatch.DispatchPlan.Delivery;
import se.samband.hub.dispatch.DispatchPlan.Held;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.dispatch.DispatchPlan.Rejected;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;

/**
 * Writes a {@link DispatchPlan} with the session it is given, so every message joins that session's
 * transaction: the inbox consumer's own transacted session (the route), or one the REST API opens and
 * commits. It never commits or rolls back itself. Messages are persistent; recipient copies, held notices and
 * receipts carry an Artemis duplicate-detection id, so a plan written again after an unclear
 * commit reaches every queue once (Artemis refuses a transaction with a duplicate as a whole). Audit events carry
 * none: the audit writer appends each idempotency key once, whatever reaches its queue.
 *
 * <p>Thread-safe; a session is used by one thread at a time, as JMS requires.
 */
public class DispatchWriter {
    /** Artemis' duplicate-detection property {@code _AMQ_DUPL_ID}. */
    static final String DUPLICATE_ID = org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID
            .toString();

    /** Most audit events in one message: far below the audit writer's 64 KiB limit per message (~500 B each). */
    static final int MAX_EVENTS_PER_MESSAGE = 32;

    /** Queue objects are provider-wide values: one per name for every session. */
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    /**
     * One anonymous producer per session: the route's consumer sessions live as long as the listener, so a
     * producer per send would be created and closed for every message. Weak keys let closed sessions go.
     */
    private final Map<Session, MessageProducer> producers = Collections.synchronizedMap(new WeakHashMap<>());

    /** Sends every part of the plan with {@code session}; the caller commits (or rolls back) the session. */
    public void write(DispatchPlan plan, Session session) throws JMSException {
        MessageProducer producer = producerFor(session);
        for (Delivery delivery : plan.deliveries()) {
            writeDelivery(session, producer, delivery);
        }
        for (Held held : plan.held()) {
            writeHeld(session, producer, held);
        }
        for (Receipt receipt : plan.receipts()) {
            writeReceipt(session, producer, receipt);
        }
        ParticipantId sender = senderOf(plan);
        for (AuditMessage audit : auditMessages(plan)) {
            writeAudit(session, producer, audit.events(), sender, audit.respondBy(), plan.caseRefDigest());
        }
        if (plan.rejected() != null) {
            writeRejected(session, producer, plan.rejected());
        }
    }

    /**
     * Whether a commit failed because Artemis refused the transaction for one of the duplicate ids this writer sets:
     * the same plan was committed before (a write after a crash, or by another hub instance).
     */
    public static boolean refusedAsDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    void writeDelivery(Session session, MessageProducer producer, Delivery delivery) throws JMSException {
        BytesMessage message = bytes(session, delivery.container());
        message.setStringProperty(DispatchProperties.NOTICE_ID, delivery.noticeId().toString());
        message.setStringProperty(DispatchProperties.TYPE, delivery.type().name());
        message.setStringProperty(DispatchProperties.SENDER, delivery.sender().value());
        message.setStringProperty(DUPLICATE_ID, delivery.noticeId() + ":" + delivery.recipient().value());
        send(session, producer, Endpoints.agencyInbox(delivery.recipient()), message);
    }

    void writeHeld(Session session, MessageProducer producer, Held held) throws JMSException {
        BytesMessage message = bytes(session, held.container());
        message.setStringProperty(DispatchProperties.NOTICE_ID, held.noticeId().toString());
        message.setStringProperty(DispatchProperties.TYPE, held.type().name());
        message.setStringProperty(DispatchProperties.SENDER, held.sender().value());
        message.setStringProperty(DispatchProperties.RECIPIENT, held.recipient().value());
        message.setStringProperty(DispatchProperties.REASON, held.reasonCode());
        if (held.holdUntil() != null) {
            message.setLongProperty(DispatchProperties.HOLD_UNTIL, held.holdUntil().toEpochMilli());
        }
        message.setStringProperty(DUPLICATE_ID, "held:" + held.noticeId() + ":" + held.recipient().value());
        send(session, producer, Endpoints.HUB_HELD, message);
    }

    void writeReceipt(Session session, MessageProducer producer, Receipt receipt) throws JMSException {
        BytesMessage message = bytes(session, receipt.container());
        message.setStringProperty(DispatchProperties.NOTICE_ID, receipt.noticeId().toString());
        message.setStringProperty(DispatchProperties.TYPE, receipt.type().name());
        message.setStringProperty(DispatchProperties.SENDER, ParticipantId.HUB.value());
        setIfPresent(message, DispatchProperties.IN_REPLY_TO, receipt.inReplyTo());
        message.setStringProperty(DUPLICATE_ID, receipt.noticeId() + ":" + receipt.to().value());
        send(session, producer, Endpoints.agencyInbox(receipt.to()), message);
    }

    /** One audit message: events of one notice whose counterparts share a respond-by time (or have none). */
    private record AuditMessage(Instant respondBy, List<AuditEvent> events) {
    }

    /** What the events of one audit message have in common. */
    private record AuditGroup(UUID noticeId, Instant respondBy) {
    }

    /**
     * The plan's audit events in their order, grouped by notice and by their counterparts' respond-by time (both
     * travel as message properties, which all events of a message share), at most {@link #MAX_EVENTS_PER_MESSAGE}
     * to a message. A plain plan (every recipient permitted, or one refusal) is one message.
     */
    private static List<AuditMessage> auditMessages(DispatchPlan plan) {
        Map<ParticipantId, Instant> respondBy = new HashMap<>();
        plan.checks().forEach(check -> respondBy.put(check.recipient(), check.at()));
        Map<AuditGroup, AuditMessage> open = new HashMap<>();
        List<AuditMessage> messages = new ArrayList<>();
        for (AuditEvent event : plan.auditEvents()) {
            Instant at = event.counterpart() == null ? null : respondBy.get(ParticipantId.of(event.counterpart()));
            AuditGroup group = new AuditGroup(event.noticeId(), at);
            AuditMessage message = open.get(group);
            if (message == null || message.events().size() == MAX_EVENTS_PER_MESSAGE) {
                message = new AuditMessage(at, new ArrayList<>());
                open.put(group, message);
                messages.add(message);
            }
            message.events().add(event);
        }
        return messages;
    }

    private void writeAudit(Session session, MessageProducer producer, List<AuditEvent> events,
                            ParticipantId sender, Instant respondBy, String caseRefDigest) throws JMSException {
        BytesMessage message = bytes(session, AuditEventCodec.encodeAll(events));
        AuditEvent first = events.get(0);
        // The digest of the header's case reference, never the reference itself: kept for the case timeline.
        if (caseRefDigest != null && first.noticeId() != null) {
            message.setStringProperty(AuditEventCodec.CASE_REF_DIGEST_PROPERTY, caseRefDigest);
        }
        // The event names the hub as actor; the audit writer keeps the notice's sender and the recipient's
        // respond-by time in the handover state from these properties, and the respond-by watch reads that time
        // there: this property is the only place a respond-by check is written.
        if (sender != null) {
            message.setStringProperty(AuditEventCodec.SENDER_PROPERTY, sender.value());
        }
        if (respondBy != null) {
            message.setLongProperty(AuditEventCodec.RESPOND_BY_PROPERTY, respondBy.toEpochMilli());
        }
        setIfPresent(message, DispatchProperties.NOTICE_ID, first.noticeId());
        // For an operator browsing the queue: the events' types in order, e.g. DISCLOSURE_DECIDED,NOTICE_DISPATCHED.
        message.setStringProperty(DispatchProperties.AUDIT_EVENT_TYPE, events.stream()
                .map(event -> event.type().name()).collect(Collectors.joining(",")));
        // No duplicate id: the audit writer skips an event whose idempotency key is stored, and a plan written
        // again is refused whole for its copy's or receipt's id; a broker id per event would only be one more
        // journal record per event, kept (in memory too) until the id cache wraps.
        send(session, producer, Endpoints.HUB_AUDIT, message);
    }

    void writeRejected(Session session, MessageProducer producer, Rejected rejected) throws JMSException {
        // Without a container (refused unread, e.g. too large) the entry is its properties only.
        Message message = rejected.container() == null
                ? session.createMessage() : bytes(session, rejected.container());
        message.setStringProperty(DispatchProperties.CODE, rejected.code().code());
        setIfPresent(message, DispatchProperties.NOTICE_ID, rejected.noticeId());
        if (rejected.sender() != null) {
            message.setStringProperty(DispatchProperties.SENDER, rejected.sender().value());
        }
        // No duplicate id: every refusal is worth an operator's look, even a repeated one.
        send(session, producer, Endpoints.HUB_REJECTED, message);
    }

    /** The notice's sender as the plan knows it (every part of one plan names the same sender). */
    private static ParticipantId senderOf(DispatchPlan plan) {
        if (!plan.deliveries().isEmpty()) {
            return plan.deliveries().get(0).sender();
        }
        if (!plan.held().isEmpty()) {
            return plan.held().get(0).sender();
        }
        if (!plan.checks().isEmpty()) {
            return plan.checks().get(0).sender();
        }
        return plan.rejected() == null ? null : plan.rejected().sender();
    }

    private void send(Session session, MessageProducer producer, String queue, Message message) throws JMSException {
        producer.send(queue(session, queue), message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                Message.DEFAULT_TIME_TO_LIVE);
    }

    private MessageProducer producerFor(Session session) throws JMSException {
        MessageProducer producer = producers.get(session);
        if (producer == null) {
            producer = session.createProducer(null);
            producers.put(session, producer);
        }
        return producer;
    }

    private Queue queue(Session session, String name) throws JMSException {
        Queue queue = queues.get(name);
        if (queue == null) {
            queue = session.createQueue(name);
            queues.putIfAbsent(name, queue);
        }
        return queue;
    }

    private static BytesMessage bytes(Session session, byte[] body) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        return message;
    }

    private static void setIfPresent(Message message, String name, UUID value) throws JMSException {
        if (value != null) {
            message.setStringProperty(name, value.toString());
        }
    }
}
