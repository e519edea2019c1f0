package se.samband.hub.riskflag;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samband.hub.web.AuthenticatedParticipant;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * {@code /api/v1/risk-flags}: risk flags for agency systems over mTLS, in the name of the participant the client
 * certificate authenticated. Setting and clearing is for the police and social services only
 * ({@code 403 risk_flag_not_permitted}); every participant may read a subject's flags, which tell no more than the
 * receipts of held notices do.
 */
@RestController
@RequestMapping("/api/v1/risk-flags")
public class RiskFlagController {
    private static final Logger log = LoggerFactory.getLogger(RiskFlagController.class);

    private final RiskFlags flags;

    public RiskFlagController(RiskFlags flags) {
        this.flags = flags;
    }

    @Operation(summary = "Set a risk flag on a subject pseudonym (police and social services only)")
    @ApiResponse(responseCode = "201", description = "Set.",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    @ApiResponse(responseCode = "422", description = "risk_flag_invalid, with the problems.",
            content = @Content(schema = @Schema(implementation = RiskFlagErrorBody.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RiskFlagView> set(@AuthenticatedParticipant ParticipantId caller,
                                            @RequestBody RiskFlagRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(flags.set(caller, request));
    }

    @Operation(summary = "Clear a risk flag (police and social services only); its held notices are released")
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public RiskFlagView clear(@AuthenticatedParticipant ParticipantId caller, @PathVariable("id") String id) {
        return flags.clear(caller, flagId(id));
    }

    @Operation(summary = "The risk flags on a subject pseudonym, active or not")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RiskFlagView> flagsOf(@AuthenticatedParticipant ParticipantId caller,
                                      @RequestParam("subject") String subject) {
        return flags.flagsOf(subject);
    }

    @ExceptionHandler(RiskFlagRefused.class)
    ResponseEntity<RiskFlagErrorBody> refused(RiskFlagRefused e) {
        log.info("risk-flag API request refused: {}", e.getMessage());
        return body(e.code(), e.problems());
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<RiskFlagErrorBody> refused(SambandException e) {
        log.info("risk-flag API request refused: {}", e.getMessage());
        return body(e.code(), List.of());
    }

    /** A body that is not JSON, or a value of the wrong type (a malformed time). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<RiskFlagErrorBody> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(r -> r.getFieldName() == null ? "" : r.getFieldName())
                        .filter(name -> !name.isEmpty()).collect(Collectors.joining("."))
                : "body";
        log.info("risk-flag API request refused: unreadable field {}", field);
        return body(ErrorCode.RISK_FLAG_INVALID, List.of(new RiskFlagRefused.Problem("invalid_format", field)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<RiskFlagErrorBody> missing(MissingServletRequestParameterException e) {
        return body(ErrorCode.RISK_FLAG_INVALID, List.of(new RiskFlagRefused.Problem("missing",
                e.getParameterName())));
    }

    private static UUID flagId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new SambandException(ErrorCode.RISK_FLAG_NOT_FOUND, "risk flag id of the wrong form");
        }
    }

    private static ResponseEntity<RiskFlagErrorBody> body(ErrorCode code, List<RiskFlagRefused.Problem> problems) {
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(RiskFlagErrorBody.of(code, problems));
    }
}
