package se.samband.hub.watch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.DueHandovers;
import se.samband.hub.handover.HandoverStore.Handover;

/**
 * One pass of the respond-by watch: escalates every handover due by now, each in its own JMS transaction (the
 * escalation notices and {@code HANDOVER_ESCALATED}), then marks its row. Order as in {@code HeldNotices}: the
 * broker commits first, then the row; a crash in between leaves the row due, the next sweep writes the same plan
 * again and duplicate detection lets each notice through once. A handover that cannot be escalated now (broker or
 * database down, a duplicate refused because another hub instance was quicker) is left due for the next sweep.
 */
final class WatchSweep {
    private static final Logger log = LoggerFactory.getLogger(WatchSweep.class);

    private final DueHandovers due;
    private final RespondByWatch watch;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;
    private final int batchSize;

    WatchSweep(DueHandovers due, RespondByWatch watch, DispatchWriter writer, ConnectionFactory connectionFactory,
               Clock clock, int batchSize) {
        this.due = due;
        this.watch = watch;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Escalates the handovers due by now, a batch at a time while whole batches succeed; returns how many. */
    synchronized int sweep() {
        Instant now = clock.instant();
        int escalated = 0;
        List<Handover> batch;
        do {
            batch = due.dueBy(now, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            int done = escalate(batch, now);
            escalated += done;
            if (done < batch.size()) {
                break;
            }
        } while (batch.size() == batchSize);
        return escalated;
    }

    private int escalate(List<Handover> handovers, Instant now) {
        int done = 0;
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            for (Handover handover : handovers) {
                DispatchPlan plan = watch.escalation(handover, now);
                try {
                    writer.write(plan, session);
                    session.commit();
                } catch (JMSException | RuntimeException e) {
                    rollback(session);
                    log.warn("notice {} to {}: escalation not written ({}); the next sweep tries again",
                            handover.noticeId(), handover.recipient(), e.getClass().getSimpleName());
                    continue;
                }
                due.escalated(handover.noticeId(), handover.recipient(), now);
                done++;
                log.info("notice {} to {}: respond-by passed in state {}, escalated to {} parties",
                        handover.noticeId(), handover.recipient(), handover.state(), plan.receipts().size());
            }
        } catch (JMSException e) {
            log.warn("respond-by watch cannot reach the broker ({}); the next sweep tries again",
                    e.getClass().getSimpleName());
        }
        return done;
    }

    private static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            log.debug("rollback after a failed escalation failed too", e);
        }
    }
}
