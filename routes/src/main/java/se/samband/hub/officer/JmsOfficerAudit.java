package se.samband.hub.officer;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.List;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.security.audit.AuditEvent;

/**
 * Sends an officer's audit event to {@code samband.hub.audit} in its own committed JMS transaction, through the same
 * {@link DispatchWriter} as the pipeline, so that the single audit writer appends it to the hash chain.
 */
final class JmsOfficerAudit implements OfficerAudit {
    private final ConnectionFactory connectionFactory;
    private final DispatchWriter writer;

    JmsOfficerAudit(ConnectionFactory connectionFactory, DispatchWriter writer) {
        this.connectionFactory = connectionFactory;
        this.writer = writer;
    }

    @Override
    public void record(AuditEvent event) {
        DispatchPlan plan = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event), List.of(), null);
        try {
            OwnTransaction.commit(plan, writer, connectionFactory);
        } catch (JMSException e) {
            throw new IllegalStateException("the " + event.type() + " audit event could not be sent: "
                    + e.getErrorCode(), e);
        }
    }
}
