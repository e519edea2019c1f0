package se.samband.hub.console;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * Writes an operator's action to the audit trail ({@code samband.hub.audit}, committed in its own JMS transaction
 * right after the action). The actor is {@code operator:<account>} (AUDIT-EVENTS.md, made by {@code PersonActor}):
 * the account the person logged in with, never a name.
 */
class OperatorAudit {
    private static final Logger log = LoggerFactory.getLogger(OperatorAudit.class);

    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;

    OperatorAudit(DispatchWriter writer, ConnectionFactory connectionFactory, Clock clock) {
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
    }

    /** One event: what the operator ({@code operator:<account>}) did, to which notice and counterpart, and why. */
    void record(String actor, AuditEventType type, AuditOutcome outcome, UUID noticeId, String counterpart,
                String reasonCode) {
        AuditEvent event = AuditEvent.builder(type, clock.instant(), actor)
                .outcome(outcome)
                .noticeId(noticeId)
                .counterpart(counterpart)
                .reasonCode(reasonCode)
                .build();
        DispatchPlan plan = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event), List.of(), null);
        try {
            OwnTransaction.commit(plan, writer, connectionFactory);
        } catch (JMSException e) {
            // The action has taken effect; only its audit event is lost. Loud, for an operator.
            log.error("{} by an operator took effect but its audit event was not committed ({})", type,
                    e.getErrorCode());
            throw new IllegalStateException("audit event " + type + " could not be sent", e);
        }
    }
}
