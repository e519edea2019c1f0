package se.samband.hub.intake;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.ErrorRoutes;
import se.samband.hub.system.RouteIds;

/**
 * The hub pipeline of ARCHITECTURE.md for notices on the inbox, in ONE local JMS transaction: consume,
 * admit/verify/route/decide, then dispatch, record and watch with sends on the consumer's own session, and
 * commit (under load one transaction takes several notices, see {@link InboxListenerContainers}). A refusal is
 * written to {@code samband.hub.rejected} in the same transaction; any other failure rolls the whole transaction
 * back for Artemis to redeliver (see {@link ErrorRoutes}).
 */
public class IntakeRoute extends RouteBuilder {
    private final NoticePipeline pipeline;
    private final DispatchWriter writer;
    private final int maxContainerBytes;
    private final Clock clock;
    private final InboxListenerContainers containers;

    public IntakeRoute(NoticePipeline pipeline, DispatchWriter writer, int maxContainerBytes, Clock clock,
                       InboxListenerContainers containers) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.maxContainerBytes = maxContainerBytes;
        this.clock = clock;
        this.containers = containers;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(InboxListenerContainers.BEAN, containers);
        from(Endpoints.INTAKE_INBOX).routeId(RouteIds.INTAKE_INBOX)
                .routeConfigurationId(ErrorRoutes.STANDARD)
                .process(new InboxMessages(maxContainerBytes, clock))  // sender, bounded bytes
                .process(new PipelineStep(pipeline))                   // 1 admit .. 4 decide
                .process(new PlanDispatch(writer, pipeline));          // 5 dispatch, 6 record, 7 watch

        from(Endpoints.REFUSED).routeId(RouteIds.INTAKE_REFUSED)
                .process(new RefusalDispatch(writer, pipeline, clock));
    }
}
