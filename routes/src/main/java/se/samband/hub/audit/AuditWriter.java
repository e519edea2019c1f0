package se.samband.hub.audit;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.hub.handover.HandoverProjection;
import se.samband.hub.handover.HandoverProjection.Fact;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditChain;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.ChainHead;
import se.samband.security.audit.Checkpoint;
import se.samband.security.audit.CheckpointSigner;

/**
 * The hub's single audit writer: consumes {@code samband.hub.audit} and appends the events to the
 * hash-chained audit table, with the handover state and the signed checkpoints, exactly once.
 *
 * <p><b>A plain JMS loop, not a Camel route.</b> Exactly-once here rests on one ordering: commit the
 * database transaction (entries, handover state, checkpoint), then commit the JMS transaction that consumed
 * the batch. A plain transacted session makes that ordering explicit and lets one database transaction cover
 * a whole batch; a Camel aggregator would hold messages in its own repository between the two and make the
 * commit order hard to see. The loop runs on one thread started and stopped by Spring (SmartLifecycle).
 *
 * <p><b>Per batch:</b> receive up to {@code batchSize} messages, until none came for {@code batchGap} or
 * {@code batchWait} after the first; decode each (one event, or a plan's events:
 * {@link AuditEventCodec#decodeAll}); drop events whose idempotency key is already stored (one query per batch)
 * or repeated within the batch; {@link AuditChain#append} the rest to the in-memory
 * head; insert them as JDBC batches with the handover projection and, when due, a checkpoint of the new head;
 * commit the database (in parts of at most {@code transactionEvents} events, see {@link AuditProperties}), then JMS.
 * A crash between the commits redelivers the batch, whose stored keys are then skipped: nothing is appended
 * twice. After any failure both transactions roll back and the head is
 * reloaded from the database, so the in-memory head never runs ahead of what is stored.
 *
 * <p><b>Undecodable messages</b> ({@code audit_record_invalid}) must not block the trail: they are moved, in
 * the same JMS transaction, to {@code samband.hub.dlq} with {@link #PARKED_REASON_PROPERTY} naming the code,
 * and logged by message id and code. Nothing is dropped.
 *
 * <p><b>One writer:</b> the broker makes {@code samband.hub.audit} an exclusive queue, so with several hub
 * instances only one consumer receives; should two writers ever append at once, the primary key on the
 * position refuses the second, which rolls back, reloads the head and retries.
 */
public final class AuditWriter implements SmartLifecycle {
    /** String property on a parked message: the error code it was parked with. */
    public static final String PARKED_REASON_PROPERTY = "sambandParkedReason";
    /** String property on a parked message: the queue it came from. */
    public static final String PARKED_FROM_PROPERTY = "sambandParkedFrom";
    /** An audit event is a few hundred bytes; anything far beyond that is not one. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    /** How long one receive blocks while the queue is empty, which bounds how quickly stop() is noticed. */
    private static final long IDLE_RECEIVE_MILLIS = 200;
    private static final Duration INITIAL_BACK_OFF = Duration.ofMillis(100);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final ConnectionFactory connectionFactory;
    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final HandoverProjection projection;
    private final Clock clock;
    private final AuditProperties settings;

    private final AtomicLong entriesWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong duplicatesSkipped = new AtomicLong();
    private final AtomicLong messagesParked = new AtomicLong();
    private final AtomicLong checkpointsWritten = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long headPosition;
    private volatile Instant lastOccurredAt;

    // Owned by the writer thread only.
    private ChainHead head;
    private boolean committedSinceFailure;
    private long lastCheckpointPosition;
    private Instant lastCheckpointAt;

    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private Thread thread;

    /**
     * @param signer signs checkpoints with the hub's key; null means the hub has no key, and the writer then
     *               refuses to start (events stay safely on the queue) rather than write an unsigned trail
     */
    public AuditWriter(ConnectionFactory connectionFactory, DataSource dataSource, CheckpointSigner signer,
                       HandoverProjection projection, Clock clock, AuditProperties settings) {
        this.connectionFactory = connectionFactory;
        this.dataSource = dataSource;
        this.signer = signer;
        this.projection = projection;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (signer == null) {
            log.error("Audit writer not started: the hub has no signing key for checkpoints (no FederationTrust);"
                    + " audit events stay on {} until it has one", Endpoints.HUB_AUDIT);
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        thread = new Thread(this::run, "samband-audit-writer");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopSignal.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Audit writer did not stop within 30 s; uncommitted events will be redelivered");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Entries appended since start. */
    public long entriesWritten() {
        return entriesWritten.get();
    }

    /** Database transactions that appended at least one entry. */
    public long batchesWritten() {
        return batchesWritten.get();
    }

    /** Redelivered or repeated events that were already in the trail. */
    public long duplicatesSkipped() {
        return duplicatesSkipped.get();
    }

    /** Undecodable messages moved to {@code samband.hub.dlq}. */
    public long messagesParked() {
        return messagesParked.get();
    }

    public long checkpointsWritten() {
        return checkpointsWritten.get();
    }

    /** Batches that failed and were rolled back for redelivery. */
    public long failures() {
        return failures.get();
    }

    /** The position of the last stored entry, as the writer knows it. */
    public long headPosition() {
        return headPosition;
    }

    /** How far behind the trail is: now minus the time of the last appended event; zero before the first. */
    public Duration lag() {
        Instant last = lastOccurredAt;
        return last == null ? Duration.ZERO : Duration.between(last, clock.instant());
    }

    private void run() {
        Duration backOff = INITIAL_BACK_OFF;
        while (running) {
            try {
                consume();
            } catch (JMSException | SQLException | RuntimeException e) {
                failures.incrementAndGet();
                if (!running) {
                    break;
                }
                backOff = committedSinceFailure ? INITIAL_BACK_OFF : backOff;
                committedSinceFailure = false;
                // Database messages can quote the values of a refused row (pseudonyms): log the kind and state only.
                log.error("Audit writer failed ({}); batch rolled back, retrying in {} ms", describe(e),
                        backOff.toMillis());
                pause(backOff);
                backOff = longer(backOff);
                // Every rollback costs the batch a delivery attempt, and the broker parks a message after the
                // last one: while the database is down, wait for it instead of receiving again.
                backOff = awaitDatabase(backOff);
            }
        }
        log.info("Audit writer stopped at position {}", headPosition);
    }

    private Duration awaitDatabase(Duration backOff) {
        Duration wait = backOff;
        while (running) {
            try (java.sql.Connection db = dataSource.getConnection()) {
                if (db.isValid(5)) {
                    return wait;
                }
            } catch (SQLException e) {
                log.warn("Audit database unreachable ({}); checking again in {} ms", describe(e), wait.toMillis());
            }
            pause(wait);
            wait = longer(wait);
        }
        return wait;
    }

    private static Duration longer(Duration backOff) {
        Duration doubled = backOff.multipliedBy(2);
        return doubled.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : doubled;
    }

    /** One session's life: load the head, then batches until stopped or something fails. */
    private void consume() throws JMSException, SQLException {
        Connection connection = connectionFactory.createConnection();
        try {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(Endpoints.HUB_AUDIT));
                 MessageProducer parked = session.createProducer(session.createQueue(Endpoints.HUB_DLQ))) {
                loadState();
                log.info("Audit writer consuming {} from position {}", Endpoints.HUB_AUDIT, head.position());
                while (running) {
                    List<Message> batch = receiveBatch(consumer);
                    try {
                        if (batch.isEmpty()) {
                            checkpointIfIdleTooLong();
                        } else {
                            process(batch, session, parked);
                            session.commit();
                            committedSinceFailure = true;
                        }
                    } catch (JMSException | SQLException | RuntimeException e) {
                        rollback(session, e);
                        throw e;
                    }
                }
            } finally {
                session.close();
            }
        } finally {
            connection.close();
        }
    }

    private List<Message> receiveBatch(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(IDLE_RECEIVE_MILLIS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(Math.min(settings.batchSize(), 256));
        batch.add(first);
        // A batch closes when the queue has been quiet for batchGap, or at batchWait, or at batchSize: a quiet hub
        // writes each event within milliseconds (receipts are routed by the handover state this writes), while a
        // busy one, whose messages never pause that long, fills large batches.
        long deadline = System.nanoTime() + settings.batchWait().toNanos();
        long gapMillis = Math.max(1, settings.batchGap().toMillis());
        while (batch.size() < settings.batchSize()) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    break;
                }
                next = consumer.receive(Math.min(remainingMillis, gapMillis));
                if (next == null) {
                    break;
                }
            }
            batch.add(next);
        }
        return batch;
    }

    private void process(List<Message> batch, Session session, MessageProducer parked)
            throws JMSException, SQLException {
        List<Fact> facts = new ArrayList<>(batch.size());
        for (Message message : batch) {
            byte[] body = body(message);
            try {
                if (body == null) {
                    throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "audit message has no event body");
                }
                List<AuditEvent> events = AuditEventCodec.decodeAll(body);
                ParticipantId sender = sender(message);
                Instant respondBy = respondBy(message);
                String caseRefDigest = caseRefDigest(message);
                for (AuditEvent event : events) {
                    facts.add(new Fact(event, sender, respondBy, caseRefDigest));
                }
            } catch (SambandException e) {
                park(message, body, e.code(), session, parked);
            }
        }
        append(facts);
    }

    /**
     * Appends the new events with their handover state and a due checkpoint, in database transactions of at most
     * {@code transactionEvents} events each. Committing a batch's first part before its JMS transaction keeps exactly
     * once: should a later part fail, the batch is redelivered and the committed part's keys are found stored.
     */
    private void append(List<Fact> facts) throws SQLException {
        Map<String, Fact> byKey = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (byKey.putIfAbsent(fact.event().idempotencyKey(), fact) != null) {
                duplicatesSkipped.incrementAndGet();
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        try (java.sql.Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                Set<String> stored = AuditStore.storedKeys(db, byKey.keySet());
                stored.forEach(byKey::remove);
                duplicatesSkipped.addAndGet(stored.size());
                List<Fact> fresh = List.copyOf(byKey.values());
                if (fresh.isEmpty()) {
                    db.rollback();
                    return;
                }
                for (int from = 0; from < fresh.size(); from += settings.transactionEvents()) {
                    appendAndCommit(db, fresh.subList(from, Math.min(fresh.size(),
                            from + settings.transactionEvents())));
                }
            } catch (SQLException | RuntimeException e) {
                AuditRows.rollbackQuietly(db, e);
                throw e;
            }
        }
    }

    /** One database transaction: appends {@code part} to the chain, its handover state and a due checkpoint. */
    private void appendAndCommit(java.sql.Connection db, List<Fact> part) throws SQLException {
        List<AuditEntry> entries = AuditChain.append(head, part.stream().map(Fact::event).toList());
        AuditStore.insert(db, entries);
        projection.apply(db, part);
        ChainHead newHead = entries.get(entries.size() - 1).head();
        Checkpoint checkpoint = checkpointDue(newHead) ? signer.sign(newHead) : null;
        if (checkpoint != null) {
            AuditStore.insert(db, checkpoint);
        }
        db.commit();
        advance(newHead, part.get(part.size() - 1).event(), entries.size(), checkpoint);
    }

    private void checkpointIfIdleTooLong() throws SQLException {
        if (!checkpointDue(head)) {
            return;
        }
        try (java.sql.Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                Checkpoint checkpoint = signer.sign(head);
                AuditStore.insert(db, checkpoint);
                db.commit();
                recordCheckpoint(checkpoint);
            } catch (SQLException | RuntimeException e) {
                AuditRows.rollbackQuietly(db, e);
                throw e;
            }
        }
    }

    private boolean checkpointDue(ChainHead candidate) {
        long unsigned = candidate.position() - lastCheckpointPosition;
        if (unsigned <= 0) {
            return false;
        }
        return unsigned >= settings.checkpointEntries()
                || !clock.instant().isBefore(lastCheckpointAt.plus(settings.checkpointInterval()));
    }

    private void advance(ChainHead newHead, AuditEvent last, int count, Checkpoint checkpoint) {
        head = newHead;
        headPosition = newHead.position();
        lastOccurredAt = last.occurredAt();
        entriesWritten.addAndGet(count);
        batchesWritten.incrementAndGet();
        if (checkpoint != null) {
            recordCheckpoint(checkpoint);
        }
    }

    private void recordCheckpoint(Checkpoint checkpoint) {
        lastCheckpointPosition = checkpoint.position();
        lastCheckpointAt = checkpoint.signedAt();
        checkpointsWritten.incrementAndGet();
        log.info("Audit checkpoint signed at position {}", checkpoint.position());
    }

    /** The head and the last checkpoint from the database: the only truth after a start or a failure. */
    private void loadState() throws SQLException {
        try (java.sql.Connection db = dataSource.getConnection()) {
            head = AuditStore.head(db);
            AuditStore.LastCheckpoint last = AuditStore.lastCheckpoint(db);
            lastCheckpointPosition = last == null ? 0 : last.position();
            // Without a checkpoint yet, the interval counts from now, not from 1970.
            lastCheckpointAt = last == null ? clock.instant() : last.signedAt();
            headPosition = head.position();
        }
    }

    /** Moves a message that holds no valid event to the DLQ, in the batch's JMS transaction. */
    private void park(Message message, byte[] body, ErrorCode code, Session session, MessageProducer parked)
            throws JMSException {
        BytesMessage copy = session.createBytesMessage();
        if (body != null) {
            copy.writeBytes(body);
        }
        copy.setStringProperty(PARKED_REASON_PROPERTY, code.code());
        copy.setStringProperty(PARKED_FROM_PROPERTY, Endpoints.HUB_AUDIT);
        parked.send(copy);
        messagesParked.incrementAndGet();
        log.error("Audit message {} parked in {}: {}", message.getJMSMessageID(), Endpoints.HUB_DLQ, code.code());
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > MAX_MESSAGE_BYTES) {
                return null;
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text && text.getText() != null
                && text.getText().length() <= MAX_MESSAGE_BYTES) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static ParticipantId sender(Message message) throws JMSException {
        String value = message.getStringProperty(AuditEventCodec.SENDER_PROPERTY);
        if (value == null) {
            return null;
        }
        if (!ParticipantId.isValid(value)) {
            log.warn("Audit message {} has an invalid {} property; the handover keeps no sender",
                    message.getJMSMessageID(), AuditEventCodec.SENDER_PROPERTY);
            return null;
        }
        return ParticipantId.of(value);
    }

    private static String caseRefDigest(Message message) throws JMSException {
        String value = message.getStringProperty(AuditEventCodec.CASE_REF_DIGEST_PROPERTY);
        return CaseRefDigest.isDigest(value) ? value : null;
    }

    private static Instant respondBy(Message message) throws JMSException {
        if (!message.propertyExists(AuditEventCodec.RESPOND_BY_PROPERTY)) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(message.getLongProperty(AuditEventCodec.RESPOND_BY_PROPERTY));
        } catch (JMSException | NumberFormatException e) {
            log.warn("Audit message {} has an invalid {} property; the handover keeps no respond-by time",
                    message.getJMSMessageID(), AuditEventCodec.RESPOND_BY_PROPERTY);
            return null;
        }
    }

    private void rollback(Session session, Exception cause) {
        try {
            session.rollback();
        } catch (JMSException e) {
            cause.addSuppressed(e);
        }
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof SambandException sambandException) {
            return sambandException.code().code();
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        return cause instanceof SQLException sql
                ? e.getClass().getSimpleName() + ", SQLState " + sql.getSQLState() + ", vendor code "
                        + sql.getErrorCode()
                : e.getClass().getName();
    }
}
