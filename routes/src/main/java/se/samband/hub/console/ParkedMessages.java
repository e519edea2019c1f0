package se.samband.hub.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.impl.TransactionImpl;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.dispatch.DispatchProperties;
import se.samband.hub.system.Endpoints;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * The parked messages of {@code samband.hub.dlq} (redelivery exhausted, or an audit message the writer could not
 * read) and {@code samband.hub.rejected} (refused notices), as metadata only: the message id, notice id, type,
 * sender, reason code and time; never a body, a pseudonym or a header field beyond those. An operator replays an
 * entry (back to where it came from: its original address for the DLQ, the hub inbox for a refused notice) or
 * discards it; both are audited ({@code DLQ_REPLAYED}, {@code DLQ_DISCARDED}).
 *
 * <p>Replay works on the broker's server side, so the copy keeps every property of the parked message: a notice
 * parked from the inbox keeps the sender the broker authenticated ({@code _AMQ_VALIDATED_USER}). A refused notice
 * was written by the hub, so its copy is stamped with the sender the intake had authenticated (property
 * {@code sender}); one refused {@code sender_unknown} has none and cannot be replayed. The copy is routed and
 * committed first, then the parked entry is removed: a crash in between leaves the entry to be discarded by hand.
 * The replayed copy carries no duplicate id: the parked message was never consumed, and the operator's replay is
 * the one delivery.
 */
class ParkedMessages {
    /** Audit reason of a DLQ entry that Artemis parked after the last delivery attempt. */
    static final String DELIVERY_ATTEMPTS_EXHAUSTED = "DELIVERY_ATTEMPTS_EXHAUSTED";
    private static final Logger log = LoggerFactory.getLogger(ParkedMessages.class);
    private static final SimpleString PARKED_FROM = SimpleString.of(AuditWriter.PARKED_FROM_PROPERTY);

    private final ActiveMQServer server;
    private final NoticeJson json;
    private final OperatorAudit audit;
    private final Predicate<String> knownAddress;

    ParkedMessages(ActiveMQServer server, NoticeJson json, OperatorAudit audit, Predicate<String> knownAddress) {
        this.server = server;
        this.json = json;
        this.audit = audit;
        this.knownAddress = knownAddress;
    }

    /** The two queues an operator looks after. */
    enum ParkedQueue {
        DLQ(Endpoints.HUB_DLQ), REJECTED(Endpoints.HUB_REJECTED);

        final String address;

        ParkedQueue(String address) {
            this.address = address;
        }
    }

    /**
     * One parked message. {@code id} is the broker's message id (what replay and discard take); {@code target} where
     * a replay sends it; the other fields are null when the message does not say.
     */
    record ParkedView(long id, String noticeId, String type, String sender, String reasonCode, Instant at,
                      String target) {
    }

    List<ParkedView> list(ParkedQueue parked, int limit) {
        List<ParkedView> views = new ArrayList<>();
        LinkedListIterator<MessageReference> references = queue(parked).browserIterator();
        try {
            while (references.hasNext() && views.size() < limit) {
                views.add(view(parked, references.next().getMessage()));
            }
        } finally {
            references.close();
        }
        return views;
    }

    ParkedView replay(ParkedQueue parked, long id, String actor) {
        Queue queue = queue(parked);
        Message message = find(queue, id);
        ParkedView view = view(parked, message);
        if (view.target() == null) {
            audited(actor, AuditEventType.DLQ_REPLAYED, AuditOutcome.FAILED, view);
            throw new ConsoleRefused(ErrorCode.REPLAY_NOT_POSSIBLE, "parked message without a replay target");
        }
        try {
            Message copy = message.copy(server.getStorageManager().generateID());
            copy.setAddress(SimpleString.of(view.target()));
            copy.removeProperty(Message.HDR_DUPLICATE_DETECTION_ID);
            if (parked == ParkedQueue.REJECTED) {
                copy.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(view.sender()));
            }
            copy.reencode();
            Transaction tx = new TransactionImpl(server.getStorageManager());
            server.getPostOffice().route(copy, tx, false);
            tx.commit();
            queue.deleteReference(id);
        } catch (Exception e) {
            audited(actor, AuditEventType.DLQ_REPLAYED, AuditOutcome.FAILED, view);
            throw new IllegalStateException("parked message " + id + " could not be replayed", e);
        }
        audited(actor, AuditEventType.DLQ_REPLAYED, AuditOutcome.SUCCESS, view);
        log.info("parked message {} (notice {}) on {} replayed to {} by {}", id, view.noticeId(),
                parked.address, view.target(), actor);
        return view;
    }

    ParkedView discard(ParkedQueue parked, long id, String actor) {
        Queue queue = queue(parked);
        ParkedView view = view(parked, find(queue, id));
        boolean deleted;
        try {
            deleted = queue.deleteReference(id);
        } catch (Exception e) {
            audited(actor, AuditEventType.DLQ_DISCARDED, AuditOutcome.FAILED, view);
            throw new IllegalStateException("parked message " + id + " could not be discarded", e);
        }
        if (!deleted) {
            throw new ConsoleRefused(ErrorCode.PARKED_MESSAGE_NOT_FOUND, "parked message gone meanwhile");
        }
        audited(actor, AuditEventType.DLQ_DISCARDED, AuditOutcome.SUCCESS, view);
        log.info("parked message {} (notice {}) on {} discarded by {}", id, view.noticeId(), parked.address,
                actor);
        return view;
    }

    private void audited(String actor, AuditEventType type, AuditOutcome outcome, ParkedView view) {
        audit.record(actor, type, outcome, view.noticeId() == null ? null : UUID.fromString(view.noticeId()),
                view.sender(), view.reasonCode());
    }

    private Queue queue(ParkedQueue parked) {
        Queue queue = server.locateQueue(SimpleString.of(parked.address));
        if (queue == null) {
            throw new IllegalStateException("queue " + parked.address + " does not exist");
        }
        return queue;
    }

    private static Message find(Queue queue, long id) {
        LinkedListIterator<MessageReference> references = queue.browserIterator();
        try {
            while (references.hasNext()) {
                Message message = references.next().getMessage();
                if (message.getMessageID() == id) {
                    return message;
                }
            }
        } finally {
            references.close();
        }
        throw new ConsoleRefused(ErrorCode.PARKED_MESSAGE_NOT_FOUND, "no parked message with the requested id");
    }

    private ParkedView view(ParkedQueue parked, Message message) {
        Optional<NoticeHeader> header = Optional.empty();
        String noticeId = uuidOrNull(message.getStringProperty(DispatchProperties.NOTICE_ID));
        String type = noticeTypeOrNull(message.getStringProperty(DispatchProperties.TYPE));
        String sender = message.getStringProperty(DispatchProperties.SENDER);
        if (noticeId == null || type == null) {
            header = header(message);
        }
        if (noticeId == null) {
            noticeId = header.map(h -> h.noticeId().toString()).orElse(null);
        }
        if (type == null) {
            type = header.map(h -> h.type().name()).orElse(null);
        }
        if (sender == null && parked == ParkedQueue.DLQ) {
            // A notice parked from the inbox: the sender the broker authenticated.
            sender = message.getStringProperty(Message.HDR_VALIDATED_USER);
        }
        sender = ParticipantId.isValid(sender) ? sender : null;
        String reason;
        String target;
        if (parked == ParkedQueue.REJECTED) {
            reason = message.getStringProperty(DispatchProperties.CODE);
            target = sender == null || ParticipantId.HUB.value().equals(sender) ? null : Endpoints.HUB_INBOX;
        } else {
            String parkedReason = message.getStringProperty(AuditWriter.PARKED_REASON_PROPERTY);
            reason = parkedReason == null ? DELIVERY_ATTEMPTS_EXHAUSTED : parkedReason;
            String origin = message.getStringProperty(Message.HDR_ORIGINAL_ADDRESS);
            if (origin == null) {
                origin = message.getStringProperty(PARKED_FROM);
            }
            target = origin != null && knownAddress.test(origin) ? origin : null;
        }
        long timestamp = message.getTimestamp();
        return new ParkedView(message.getMessageID(), noticeId, type, sender, reason,
                timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null, target);
    }

    /** The signed header of a parked container (plain JSON, never the body); empty if there is none to read. */
    private Optional<NoticeHeader> header(Message message) {
        if (message.isLargeMessage()) {
            return Optional.empty();
        }
        try {
            ActiveMQBuffer body = message.toCore().getReadOnlyBodyBuffer();
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            return Optional.of(json.readHeader(json.readContainer(bytes).header()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Properties are shown only in their expected shape: the values came with a message. */
    private static String uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String noticeTypeOrNull(String value) {
        try {
            return value == null ? null : NoticeType.valueOf(value).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
