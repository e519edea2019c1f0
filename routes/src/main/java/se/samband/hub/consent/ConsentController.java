package se.samband.hub.consent;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
import se.samband.notice.PersonnummerShape;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * {@code /api/v1/consents}: the consent registry for agency systems over mTLS. The registering participant is the
 * one the client certificate authenticated; an agency registers, changes and withdraws only consents it recorded
 * ({@code 403 consent_not_yours}). A record with problems is refused {@code 422 consent_invalid} with every problem.
 */
@RestController
@RequestMapping("/api/v1/consents")
public class ConsentController {
    private static final Logger log = LoggerFactory.getLogger(ConsentController.class);
    private static final Pattern CONSENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final ConsentRegistry registry;

    public ConsentController(ConsentRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Register version 1 of a consent, in the calling participant's name")
    @ApiResponse(responseCode = "201", description = "Registered.",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @ApiResponse(responseCode = "422", description = "consent_invalid, with the problems.",
            content = @Content(schema = @Schema(implementation = ConsentErrorBody.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ConsentView> register(@AuthenticatedParticipant ParticipantId caller,
                                                @RequestBody ConsentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ConsentView.of(registry.register(caller, request)));
    }

    @Operation(summary = "Register a new version of a consent (its recorder only)")
    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ConsentView> newVersion(@AuthenticatedParticipant ParticipantId caller,
                                                  @PathVariable("id") String id,
                                                  @RequestBody ConsentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ConsentView.of(registry.newVersion(caller, known(id), request)));
    }

    @Operation(summary = "Withdraw a consent (its recorder only): a new version with status WITHDRAWN")
    @PostMapping(path = "/{id}/withdrawal", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ConsentView> withdraw(@AuthenticatedParticipant ParticipantId caller,
                                                @PathVariable("id") String id,
                                                @RequestBody(required = false) ConsentRequest.Withdrawal withdrawal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ConsentView.of(registry.withdraw(caller, known(id), withdrawal)));
    }

    @Operation(summary = "The consents of a subject pseudonym that the caller recorded or is named in "
            + "(latest version of each)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ConsentView> consentsOf(@AuthenticatedParticipant ParticipantId caller,
                                        @RequestParam("subject") String subject) {
        return registry.consentsOf(caller, subject).stream().map(ConsentView::of).toList();
    }

    @ExceptionHandler(ConsentRefused.class)
    ResponseEntity<ConsentErrorBody> refused(ConsentRefused e) {
        log.info("consent API request refused: {}", e.getMessage());
        return body(e.code(), e.problems());
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ConsentErrorBody> refused(SambandException e) {
        log.info("consent API request refused: {}", e.getMessage());
        return body(e.code(), List.of());
    }

    /** A body that is not JSON, or a value of the wrong type (an unknown notice type, a malformed time). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ConsentErrorBody> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(r -> r.getFieldName() == null ? "" : r.getFieldName())
                        .filter(name -> !name.isEmpty()).collect(Collectors.joining("."))
                : "body";
        log.info("consent API request refused: unreadable field {}", field);
        return body(ErrorCode.CONSENT_INVALID, List.of(ConsentRefused.Problem.of("invalid_format", field)));
    }

    /** An id from the path; one the registry could never have taken is not found, and not repeated anywhere. */
    private static String known(String id) {
        if (!CONSENT_ID.matcher(id).matches() || PersonnummerShape.foundIn(id)) {
            throw new SambandException(ErrorCode.CONSENT_NOT_FOUND, "consent id of the wrong form");
        }
        return id;
    }

    private static ResponseEntity<ConsentErrorBody> body(ErrorCode code, List<ConsentRefused.Problem> problems) {
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ConsentErrorBody.of(code, problems));
    }
}
