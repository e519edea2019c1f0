package se.samband.hub.watch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.DueHandovers;
import se.samband.hub.handover.DueHandovers.Due;
import se.samband.hub.handover.HandoverStore.Handover;

/**
 * One pass of the respond-by watch: escalates every handover due by now, each in its own JMS transaction (the
 * escalation notices and {@code HANDOVER_ESCALATED}). Per handover: claim the row for a lease, write and commit,
 * then clear it. The broker commits before the row is cleared, as in {@code HeldNotices}: a crash in between leaves
 * the claim, which runs out, and the next sweep writes the same plan again; its derived ids make the broker refuse
 * that transaction whole, which tells the sweep that the escalation was sent before, so it clears the row. A
 * handover that cannot be escalated now (the broker down, a party's seal failing) is released for the next sweep,
 * and the others in the batch go on.
 */
final class WatchSweep {
    private static final Logger log = LoggerFactory.getLogger(WatchSweep.class);

    private final DueHandovers due;
    private final RespondByWatch watch;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;
    private final WatchProperties properties;

    WatchSweep(DueHandovers due, RespondByWatch watch, DispatchWriter writer, ConnectionFactory connectionFactory,
               Clock clock, WatchProperties properties) {
        this.due = due;
        this.watch = watch;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
        this.properties = properties;
    }

    /** Escalates the handovers due by now, a batch at a time while whole batches escalate; returns how many. */
    synchronized int sweep() throws JMSException {
        Instant now = clock.instant();
        int escalated = 0;
        List<Due> batch;
        Outcome outcome;
        do {
            batch = due.dueBy(now, properties.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            // Milliseconds, as the database keeps them to the microsecond: the clear compares the value it wrote.
            outcome = escalate(batch, now, now.plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS));
            escalated += outcome.escalated();
        } while (batch.size() == properties.batchSize() && outcome.failed() == 0 && outcome.escalated() > 0);
        return escalated;
    }

    private record Outcome(int escalated, int failed) {
    }

    private Outcome escalate(List<Due> batch, Instant now, Instant leaseEnd) throws JMSException {
        int escalated = 0;
        int failed = 0;
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            for (Due next : batch) {
                if (!due.claim(next, leaseEnd)) {
                    // Another hub instance has it, or the audit writer closed or escalated it since it was read.
                    continue;
                }
                if (escalate(next, now, leaseEnd, session)) {
                    escalated++;
                } else {
                    failed++;
                }
            }
        }
        return new Outcome(escalated, failed);
    }

    private boolean escalate(Due next, Instant now, Instant leaseEnd, Session session) {
        Handover handover = next.handover();
        try {
            DispatchPlan plan = watch.escalation(handover, now);
            writer.write(plan, session);
            session.commit();
            due.escalated(next, leaseEnd);
            log.info("notice {} to {}: respond-by passed in state {}, escalated to {} parties", handover.noticeId(),
                    handover.recipient(), handover.state(), plan.receipts().size());
            return true;
        } catch (JMSException | RuntimeException e) {
            rollback(session);
            if (DispatchWriter.refusedAsDuplicate(e)) {
                due.escalated(next, leaseEnd);
                log.info("notice {} to {}: escalated before (the broker refused the same ids again)",
                        handover.noticeId(), handover.recipient());
                return true;
            }
            due.release(next, leaseEnd);
            log.warn("notice {} to {}: escalation not written, the next sweep tries again", handover.noticeId(),
                    handover.recipient(), e);
            return false;
        }
    }

    private static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            log.debug("rollback after a failed escalation failed too", e);
        }
    }
}
