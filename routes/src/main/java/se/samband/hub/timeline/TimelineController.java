package se.samband.hub.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.web.ApiError;
import se.samband.hub.web.AuthenticatedParticipant;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.SambandException;

/**
 * {@code GET /api/v1/timeline} for agency systems over mTLS: the case timeline of a subject pseudonym or a case
 * reference, limited to the notices the calling participant sent or received ({@link CaseTimeline}). Not audited as
 * a view: a participant reads what it took part in, as with {@code GET /api/v1/notices/{id}}.
 */
@RestController
@RequestMapping("/api/v1/timeline")
public class TimelineController {
    private static final Logger log = LoggerFactory.getLogger(TimelineController.class);

    private final CaseTimeline timeline;

    public TimelineController(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Operation(summary = "Case timeline of a subject (pseudonym) or case reference: the caller's own notices")
    @ApiResponse(responseCode = "200", description = "The entries in audit chain order.",
            content = @Content(schema = @Schema(implementation = Timeline.class)))
    @ApiResponse(responseCode = "400", description = "timeline_query_invalid",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Timeline timeline(@AuthenticatedParticipant ParticipantId caller,
                             @RequestParam(name = "subject", required = false) String subject,
                             @RequestParam(name = "caseRef", required = false) String caseRef,
                             @RequestParam(name = "noticeId", required = false) String noticeId) {
        return timeline.forParticipant(caller, TimelineQuery.forParticipant(subject, caseRef, noticeId));
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ApiError> refused(SambandException e) {
        log.info("timeline request refused: {}", e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.code(), null));
    }
}
