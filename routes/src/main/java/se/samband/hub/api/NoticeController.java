package se.samband.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.intake.NoticePipeline;
import se.samband.hub.intake.PipelineResult;
import se.samband.hub.intake.Submission;
import se.samband.hub.system.RetryLater;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * {@code /api/v1/notices}: the REST door to the same pipeline as the JMS inbox. A submission is processed, its
 * plan written in ONE transacted JMS session of its own and committed, and only then answered: 202 with the
 * per-recipient outcomes, or the refusal's status with {@code {code, message, noticeId}}. A failure before the
 * commit leaves nothing on any queue and answers 503 without a body, so the agency may safely send again.
 */
@RestController
@RequestMapping("/api/v1/notices")
public class NoticeController {
    private static final Logger log = LoggerFactory.getLogger(NoticeController.class);

    private final NoticePipeline pipeline;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final HandoverStore handovers;
    private final ApiCaller caller;
    private final Clock clock;
    private final int maxContainerBytes;

    public NoticeController(NoticePipeline pipeline, DispatchWriter writer, ConnectionFactory connectionFactory,
                            HandoverStore handovers, ApiCaller caller, Clock clock, int maxContainerBytes) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.handovers = handovers;
        this.caller = caller;
        this.clock = clock;
        this.maxContainerBytes = maxContainerBytes;
    }

    @Operation(summary = "Submit a sealed notice",
            description = "Runs admission, verification, routing and the per-recipient decision, writes the "
                    + "outcome to the broker in one transaction and answers once it is committed.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The wire container {header, signature, body}; at most the hub's container "
                            + "limit (1 MiB by default), larger is refused unread with notice_too_large.",
                    content = @Content(mediaType = SealedNotice.MEDIA_TYPE,
                            schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "202", description = "Accepted: the outcome per recipient.",
            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class)))
    @ApiResponse(responseCode = "503", description = "The broker could not take the notice, or another copy of it "
            + "was being processed; nothing was committed. Send the same notice again after Retry-After seconds.")
    @PostMapping(consumes = SealedNotice.MEDIA_TYPE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> submit(HttpServletRequest request) throws IOException, JMSException {
        ParticipantId sender = caller.participant(request);
        byte[] container = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                maxContainerBytes);
        PipelineResult result = pipeline.process(new Submission(container, sender, Submission.Transport.REST,
                clock.instant()));
        long writing = System.nanoTime();
        boolean committed = false;
        try {
            writeInOneTransaction(result);
            committed = true;
        } finally {
            if (committed) {
                pipeline.committed(result);
            } else {
                pipeline.abandoned(result);
            }
        }
        pipeline.dispatchTimed(System.nanoTime() - writing);
        if (result.rejected()) {
            ErrorCode code = result.refusal().code();
            return ResponseEntity.status(code.httpStatus()).body(ErrorBody.of(code, result.refusal().noticeId()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(SubmissionReceipt.of(result.plan().noticeId(), result.outcomes()));
    }

    @Operation(summary = "Handover state of a notice, per recipient (sender only)")
    @ApiResponse(responseCode = "200", description = "The notice's handovers.",
            content = @Content(schema = @Schema(implementation = NoticeStatus.class)))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> status(@PathVariable("id") UUID id, HttpServletRequest request) {
        ParticipantId participant = caller.participant(request);
        List<Handover> states = handovers.handoversOf(id);
        if (states.isEmpty()) {
            throw new SambandException(ErrorCode.NOTICE_NOT_FOUND, "no handover of notice " + id);
        }
        if (!participant.equals(states.get(0).sender())) {
            throw new SambandException(ErrorCode.NOT_NOTICE_SENDER,
                    "participant " + participant + " asked for notice " + id + " of another sender");
        }
        return ResponseEntity.ok(NoticeStatus.of(id, states));
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ErrorBody> refused(SambandException e) {
        log.info("API request refused: {}", e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(e.code(), null));
    }

    /** The broker could not take the plan: nothing was committed, the agency may send the same notice again. */
    @ExceptionHandler(JMSException.class)
    ResponseEntity<Void> brokerUnavailable(JMSException e) {
        log.warn("API submission not committed, broker error {}", e.getErrorCode());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").build();
    }

    /**
     * Another copy of the notice is being processed (or a like transient condition): nothing was committed for this
     * one, and sent again it is answered as a replay or processed.
     */
    @ExceptionHandler(RetryLater.class)
    ResponseEntity<Void> retryLater(RetryLater e) {
        log.info("API submission not processed now: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").build();
    }

    /** Returns once the plan is committed; throws if it is not. */
    private void writeInOneTransaction(PipelineResult result) throws JMSException {
        Connection connection = connectionFactory.createConnection();
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try {
                writer.write(result.plan(), session);
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        } finally {
            closeAfterwards(connection);
        }
    }

    /** Closes the connection (and its session); a failure to close does not undo a commit, so it is only logged. */
    private static void closeAfterwards(Connection connection) {
        try {
            connection.close();
        } catch (JMSException e) {
            log.warn("API connection not closed cleanly, broker error {}", e.getErrorCode());
        }
    }
}
