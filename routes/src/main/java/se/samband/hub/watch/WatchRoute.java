package se.samband.hub.watch;

import jakarta.jms.JMSException;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RouteIds;

/**
 * Step 7 of ARCHITECTURE.md: every poll interval, escalates the handovers whose respond-by time has passed
 * ({@link WatchSweep}). The respond-by time lives in the handover table, which the audit writer keeps from the
 * dispatcher's audit messages, so it survives restarts and any hub instance may sweep. A Camel route, so that
 * operators see it and may stop and start it on the console like the other flows.
 */
public class WatchRoute extends RouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(WatchRoute.class);

    private final WatchSweep sweep;
    private final Duration pollInterval;

    WatchRoute(WatchSweep sweep, Duration pollInterval) {
        this.sweep = sweep;
        this.pollInterval = pollInterval;
    }

    @Override
    public void configure() {
        from(Endpoints.respondByWatchTimer(pollInterval))
                .routeId(RouteIds.WATCH_RESPOND_BY)
                // Off only in the shared test context, whose tests write handovers due at once; WatchFlowTest and
                // ConsoleBrowserIT start it.
                .autoStartup("{{samband.watch.auto-startup:true}}")
                .process(exchange -> sweepOnce());
    }

    private void sweepOnce() {
        try {
            int escalated = sweep.sweep();
            if (escalated > 0) {
                log.debug("respond-by watch escalated {} handovers", escalated);
            }
        } catch (JMSException | RuntimeException e) {
            // The database or the broker cannot be reached: the next poll tries again, the handovers stay due.
            log.warn("respond-by watch sweep failed; trying again in {}", pollInterval, e);
        }
    }
}
