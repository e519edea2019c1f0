package se.samband.hub.console;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.console.Backlog.BacklogRow;
import se.samband.hub.console.BrokerQueues.QueueView;
import se.samband.hub.console.ParkedMessages.ParkedQueue;
import se.samband.hub.console.ParkedMessages.ParkedView;
import se.samband.hub.console.ParticipantOverview.ParticipantView;
import se.samband.hub.console.RouteOperations.RouteView;
import se.samband.hub.people.PersonActor;
import se.samband.hub.people.PersonRole;
import se.samband.hub.web.ApiError;

/**
 * The operators' JSON API on the people port, {@code /api/v1/operator/**} (role OPERATOR, see the people port's
 * security) and, for the console's pages on their login session, {@code /console/api/operator/**} (role checked by
 * {@link ConsolePageAccess}). Every answer holds ids, codes, counts and times only. Actions take the operator's
 * account from the authenticated principal for the audit trail.
 */
@RestController
@RequestMapping({"/api/v1/operator", ConsolePageAccess.CONSOLE_OPERATOR_API})
class OperatorController {
    /** The most parked messages one list shows; the queue's depth says how many there are. */
    static final int MAX_LISTED = 200;

    private final RouteOperations routes;
    private final BrokerQueues queues;
    private final ParkedMessages parked;
    private final Backlog backlog;
    private final ParticipantOverview participants;

    OperatorController(RouteOperations routes, BrokerQueues queues, ParkedMessages parked, Backlog backlog,
                       ParticipantOverview participants) {
        this.routes = routes;
        this.queues = queues;
        this.parked = parked;
        this.backlog = backlog;
        this.participants = participants;
    }

    @GetMapping("/routes")
    List<RouteView> routes() {
        return routes.routes();
    }

    @PostMapping("/routes/{routeId}/suspend")
    RouteView suspend(@PathVariable String routeId, Authentication operator) {
        return routes.suspend(routeId, actor(operator));
    }

    @PostMapping("/routes/{routeId}/resume")
    RouteView resume(@PathVariable String routeId, Authentication operator) {
        return routes.resume(routeId, actor(operator));
    }

    @GetMapping("/queues")
    List<QueueView> queues() {
        return queues.queues();
    }

    @GetMapping("/dlq")
    List<ParkedView> deadLetters(@RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        return parked.list(ParkedQueue.DLQ, bounded(limit));
    }

    @PostMapping("/dlq/{messageId}/replay")
    ParkedView replayDeadLetter(@PathVariable long messageId, Authentication operator) {
        return parked.replay(ParkedQueue.DLQ, messageId, actor(operator));
    }

    @DeleteMapping("/dlq/{messageId}")
    ParkedView discardDeadLetter(@PathVariable long messageId, Authentication operator) {
        return parked.discard(ParkedQueue.DLQ, messageId, actor(operator));
    }

    @GetMapping("/rejected")
    List<ParkedView> rejected(@RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        return parked.list(ParkedQueue.REJECTED, bounded(limit));
    }

    @PostMapping("/rejected/{messageId}/replay")
    ParkedView replayRejected(@PathVariable long messageId, Authentication operator) {
        return parked.replay(ParkedQueue.REJECTED, messageId, actor(operator));
    }

    @DeleteMapping("/rejected/{messageId}")
    ParkedView discardRejected(@PathVariable long messageId, Authentication operator) {
        return parked.discard(ParkedQueue.REJECTED, messageId, actor(operator));
    }

    @GetMapping("/backlog")
    List<BacklogRow> backlog() {
        return backlog.byParticipant();
    }

    @GetMapping("/participants")
    List<ParticipantView> participants() {
        return participants.participants();
    }

    @ExceptionHandler(ConsoleRefused.class)
    ResponseEntity<ApiError> refused(ConsoleRefused refused) {
        return ResponseEntity.status(refused.code().httpStatus()).body(ApiError.of(refused.code(), null));
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LISTED));
    }

    /** The audit actor: the people port's security has authenticated the caller as an operator. */
    private static String actor(Authentication operator) {
        if (operator == null) {
            throw new IllegalStateException("operator action without an authenticated person");
        }
        return PersonActor.of(PersonRole.OPERATOR, operator);
    }
}
