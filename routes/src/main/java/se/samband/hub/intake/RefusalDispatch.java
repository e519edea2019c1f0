package se.samband.hub.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * Writes a refusal that was raised as a {@link SambandException} (rather than returned by the pipeline) to
 * {@code samband.hub.rejected}, with its NOTICE_REJECTED audit event, in the consumer's transaction: nothing
 * that reached the inbox is dropped silently.
 */
final class RefusalDispatch implements Processor {
    private static final Logger log = LoggerFactory.getLogger(RefusalDispatch.class);
    private final DispatchWriter writer;
    private final NoticePipeline pipeline;
    private final Clock clock;

    RefusalDispatch(DispatchWriter writer, NoticePipeline pipeline, Clock clock) {
        this.writer = writer;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        SambandException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SambandException.class);
        ParticipantId sender = exchange.getProperty(IntakeExchange.SENDER, ParticipantId.class);
        byte[] container = exchange.getProperty(IntakeExchange.CONTAINER, byte[].class);
        AuditEvent event = AuditEvent
                .builder(AuditEventType.NOTICE_REJECTED, clock.instant(), ParticipantId.HUB.value())
                .outcome(AuditOutcome.FAILED)
                .counterpart(sender == null ? null : sender.value())
                .reasonCode(refusal.code().code())
                .build();
        DispatchPlan plan = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event), List.of(),
                new DispatchPlan.Rejected(null, sender, refusal.code(), container));
        writer.write(plan, exchange.getProperty(IntakeExchange.SESSION, Session.class));
        // Counted with the pipeline's refusals (metrics) once the transaction has committed.
        PipelineResult refused = new PipelineResult(plan, List.of(), new PipelineResult.Refusal(refusal.code(), null));
        InboxTransaction.current().afterCommit(() -> pipeline.committed(refused));
        log.info("inbox message from {} refused: {}", sender == null ? "an unknown sender" : sender,
                refusal.code().code());
    }
}
