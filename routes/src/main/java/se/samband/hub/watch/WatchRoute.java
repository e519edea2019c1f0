package se.samband.hub.watch;

import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.ErrorRoutes;
import se.samband.hub.system.RouteIds;

/**
 * Step 7 of ARCHITECTURE.md: consumes the respond-by checks that Artemis delivers from {@code samband.hub.watch}
 * when they fall due, in ONE local JMS transaction per check. The escalation notices and the
 * {@code HANDOVER_ESCALATED} event (or the check put back for later) are written with the consumer's own session
 * and commit together with the consumption: a crash before the commit leaves the check on the queue, a scheduled
 * message in the journal survives restarts, and any hub instance may take it.
 */
public class WatchRoute extends RouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(WatchRoute.class);

    private final RespondByWatch watch;
    private final DispatchWriter writer;

    WatchRoute(RespondByWatch watch, DispatchWriter writer) {
        this.watch = watch;
        this.writer = writer;
    }

    @Override
    public void configure() {
        from(Endpoints.WATCH_CHECKS).routeId(RouteIds.WATCH_RESPOND_BY)
                .routeConfigurationId(ErrorRoutes.STANDARD)
                // Off only where tests read samband.hub.watch themselves (the shared test context).
                .autoStartup("{{samband.watch.auto-startup:true}}")
                .process(this::check);
    }

    private void check(Exchange exchange) throws Exception {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Session session = in.getJmsSession();
        DueCheck check = WatchMessages.read(in.getJmsMessage());
        WatchStep step = watch.due(check);
        if (step instanceof WatchStep.Escalate escalate) {
            writer.write(escalate.plan(), session);
            log.info("notice {} to {}: respond-by passed, escalated to {} parties", check.noticeId(),
                    check.recipient(), escalate.plan().receipts().size());
        } else if (step instanceof WatchStep.Recheck recheck) {
            WatchMessages.recheck(session, recheck.check(), recheck.at());
            log.debug("notice {} to {}: checked again at {} (recheck {})", check.noticeId(), check.recipient(),
                    recheck.at(), recheck.check().recheck());
        } else if (step instanceof WatchStep.Settled settled) {
            log.debug("notice {} to {}: respond-by check finds {}", check.noticeId(), check.recipient(),
                    settled.state());
        }
    }
}
