package se.samband.hub.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.notice.error.SambandException;

/**
 * Steps 5–7: writes the pipeline's plan with the consumer's own session, so recipient copies, receipt, audit
 * events and respond-by checks commit together with the consumption of the submission, or not at all.
 */
final class PlanDispatch implements Processor {
    private static final Logger log = LoggerFactory.getLogger(PlanDispatch.class);
    private final DispatchWriter writer;
    private final NoticePipeline pipeline;

    PlanDispatch(DispatchWriter writer, NoticePipeline pipeline) {
        this.writer = writer;
        this.pipeline = pipeline;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        PipelineResult result = exchange.getIn().getBody(PipelineResult.class);
        long started = System.nanoTime();
        try {
            writer.write(result.plan(), exchange.getProperty(IntakeExchange.SESSION, Session.class));
        } catch (SambandException e) {
            // Not a refusal of the notice but a plan the hub could not write: as a refusal it would commit the part
            // already sent. Rolled back, redelivered, and parked in the DLQ if it persists.
            throw new IllegalStateException("the plan of notice " + result.plan().noticeId() + " could not be"
                    + " written: " + e.code().code(), e);
        }
        pipeline.dispatchTimed(System.nanoTime() - started);
        InboxTransaction open = InboxTransaction.current();
        open.afterCommit(() -> pipeline.committed(result));
        if (result.rejected()) {
            log.info("notice {} refused: {}", result.refusal().noticeId(), result.refusal().code().code());
        } else {
            open.dispatched(result.plan().noticeId());
            log.debug("notice {} dispatched to {} recipients", result.plan().noticeId(), result.outcomes().size());
        }
    }
}
