package se.samband.hub.console;

import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * The hub's Camel routes as an operator sees them, and suspend/resume through Camel's route controller. A suspended
 * JMS route stops taking messages; they wait on the queue (the broker keeps them) until it is resumed.
 */
class RouteOperations {
    private static final Logger log = LoggerFactory.getLogger(RouteOperations.class);

    private final CamelContext camel;
    private final RouteCounters counters;
    private final OperatorAudit audit;

    RouteOperations(CamelContext camel, RouteCounters counters, OperatorAudit audit) {
        this.camel = camel;
        this.counters = counters;
        this.audit = audit;
    }

    /** One route: id, where it consumes from (an endpoint URI without its options), state and counts. */
    record RouteView(String id, String from, String state, long completed, long failed, int inflight) {
    }

    List<RouteView> routes() {
        return camel.getRoutes().stream()
                .map(this::view)
                .sorted(Comparator.comparing(RouteView::id))
                .toList();
    }

    RouteView suspend(String routeId, String actor) {
        route(routeId);
        try {
            camel.getRouteController().suspendRoute(routeId);
        } catch (Exception e) {
            audit.record(actor, AuditEventType.ROUTE_SUSPENDED, AuditOutcome.FAILED, null, null, routeId);
            throw new IllegalStateException("route " + routeId + " could not be suspended", e);
        }
        audit.record(actor, AuditEventType.ROUTE_SUSPENDED, AuditOutcome.SUCCESS, null, null, routeId);
        log.info("route {} suspended by {}", routeId, actor);
        return view(route(routeId));
    }

    RouteView resume(String routeId, String actor) {
        route(routeId);
        try {
            if (camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Stopped) {
                camel.getRouteController().startRoute(routeId);
            } else {
                camel.getRouteController().resumeRoute(routeId);
            }
        } catch (Exception e) {
            audit.record(actor, AuditEventType.ROUTE_RESUMED, AuditOutcome.FAILED, null, null, routeId);
            throw new IllegalStateException("route " + routeId + " could not be resumed", e);
        }
        audit.record(actor, AuditEventType.ROUTE_RESUMED, AuditOutcome.SUCCESS, null, null, routeId);
        log.info("route {} resumed by {}", routeId, actor);
        return view(route(routeId));
    }

    private Route route(String routeId) {
        Route route = routeId == null ? null : camel.getRoute(routeId);
        if (route == null) {
            throw new ConsoleRefused(ErrorCode.ROUTE_UNKNOWN, "no route with the requested id");
        }
        return route;
    }

    private RouteView view(Route route) {
        String id = route.getRouteId();
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        String uri = route.getEndpoint().getEndpointBaseUri();
        return new RouteView(id, uri, status == null ? "Unknown" : status.name(), counters.completed(id),
                counters.failed(id), camel.getInflightRepository().size(id));
    }
}
