package se.samband.hub.timeline;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.people.PersonActor;
import se.samband.hub.people.PersonRole;
import se.samband.hub.web.ApiError;
import se.samband.notice.error.SambandException;

/**
 * {@code GET /api/v1/security/timeline} on the people port (role SECURITY_OFFICER, enforced by the people port's
 * security chain): the whole case timeline of a subject, a case reference or one notice, across every agency.
 * Each view is audited as {@code TIMELINE_VIEWED} with the officer as actor before the answer is sent; if that
 * event cannot be committed the answer is {@code 503} and nothing is shown.
 */
@Hidden
@RestController
@RequestMapping("/api/v1/security/timeline")
public class SecurityTimelineController {
    private static final Logger log = LoggerFactory.getLogger(SecurityTimelineController.class);

    private final CaseTimeline timeline;
    private final TimelineViews views;

    public SecurityTimelineController(CaseTimeline timeline, TimelineViews views) {
        this.timeline = timeline;
        this.views = views;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Timeline timeline(Authentication officer,
                             @RequestParam(name = "subject", required = false) String subject,
                             @RequestParam(name = "caseRef", required = false) String caseRef,
                             @RequestParam(name = "noticeId", required = false) String noticeId) throws JMSException {
        TimelineQuery query = TimelineQuery.forOfficer(subject, caseRef, noticeId);
        views.record(PersonActor.of(PersonRole.SECURITY_OFFICER, officer), query);
        return timeline.forOfficer(query);
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ApiError> refused(SambandException e) {
        log.info("security timeline request refused: {}", e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.code(), null));
    }

    /** The view could not be audited: it is not shown. */
    @ExceptionHandler(JMSException.class)
    ResponseEntity<Void> notAudited(JMSException e) {
        log.warn("security timeline view not audited, broker error {}", e.getErrorCode());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").build();
    }
}
