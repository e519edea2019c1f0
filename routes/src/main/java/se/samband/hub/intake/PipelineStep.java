package se.samband.hub.intake;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Steps 1–4 and the plan for 5–7: hands the submission to the {@link NoticePipeline}, and tells the pipeline if the
 * inbox transaction rolls back before the plan is committed ({@link PlanDispatch} tells it of the commit).
 */
final class PipelineStep implements Processor {
    private final NoticePipeline pipeline;

    PipelineStep(NoticePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void process(Exchange exchange) {
        Submission submission = exchange.getIn().getBody(Submission.class);
        PipelineResult result = pipeline.process(submission);
        InboxTransaction.current().afterRollback(() -> pipeline.abandoned(result));
        exchange.getIn().setBody(result);
    }
}
