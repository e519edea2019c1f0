package se.samband.hub.held;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.people.PersonActor;
import se.samband.hub.people.PersonRole;
import se.samband.hub.web.ApiError;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * {@code /api/v1/operator/manual-routing} on the people port (role OPERATOR): the notices about a person with
 * protected identity that the hub does not route on its own. The list is metadata only (no pseudonym); an operator
 * routes a notice to the recipients its sender sealed it for, or returns it to the sender. The operator is named in
 * the audit trail as {@code operator:<account>}.
 */
@RestController
@RequestMapping("/api/v1/operator/manual-routing")
public class ManualRoutingController {
    /** The longest comment kept with a resolution (manual_routing.resolution_comment). */
    static final int MAX_COMMENT = 500;
    private static final Logger log = LoggerFactory.getLogger(ManualRoutingController.class);

    private final HeldNotices heldNotices;

    public ManualRoutingController(HeldNotices heldNotices) {
        this.heldNotices = heldNotices;
    }

    /** The queue: notice id, type, sender, intended recipients, when it was queued. */
    public record Queue(List<QueuedRouting> notices) {
    }

    /** What the operator decides: {@code ROUTE} or {@code RETURN}, with an optional comment. */
    public record Resolution(String action, String comment) {
    }

    /** The answer: what became of each held copy. */
    public record Resolved(UUID noticeId, String action, List<HeldNotices.RoutingOutcome> recipients) {
    }

    @Operation(summary = "The notices waiting for manual routing (metadata only; each view is audited)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Queue queue(Authentication operator) throws JMSException {
        return new Queue(heldNotices.manualRoutingQueue(PersonActor.of(PersonRole.OPERATOR, operator)));
    }

    @Operation(summary = "Route a queued notice to its sealed-for recipients (ROUTE) or return it to its sender (RETURN)")
    @PostMapping(path = "/{noticeId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Resolved resolve(Authentication operator, @PathVariable("noticeId") String noticeId,
                            @RequestBody Resolution resolution) throws JMSException {
        UUID id = noticeId(noticeId);
        String action = resolution == null || resolution.action() == null ? null
                : resolution.action().strip().toUpperCase(Locale.ROOT);
        String comment = resolution == null ? null : resolution.comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new SambandException(ErrorCode.MANUAL_ROUTING_INVALID, "comment longer than " + MAX_COMMENT);
        }
        String actor = PersonActor.of(PersonRole.OPERATOR, operator);
        if ("ROUTE".equals(action)) {
            return new Resolved(id, action, heldNotices.route(id, actor, comment));
        }
        if ("RETURN".equals(action)) {
            return new Resolved(id, action, heldNotices.returnToSender(id, actor, comment));
        }
        throw new SambandException(ErrorCode.MANUAL_ROUTING_INVALID, "action must be ROUTE or RETURN");
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ApiError> refused(SambandException e) {
        log.info("manual routing request refused: {}", e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.code(), null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return refused(new SambandException(ErrorCode.MANUAL_ROUTING_INVALID, "unreadable body"));
    }

    private static UUID noticeId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new SambandException(ErrorCode.MANUAL_ROUTING_NOT_FOUND, "notice id of the wrong form");
        }
    }
}
