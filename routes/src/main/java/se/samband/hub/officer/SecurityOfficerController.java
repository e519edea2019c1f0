package se.samband.hub.officer;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.samband.hub.people.PersonActor;
import se.samband.hub.people.PersonRole;
import se.samband.hub.web.ApiError;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.audit.ChainVerification;

/**
 * {@code /api/v1/security/**} on the people port; Spring Security lets only SECURITY_OFFICER in. Each handler names
 * the officer as {@code security-officer:<account>} for the audit trail; the work is done by the plain classes of
 * this package.
 */
@RestController
@RequestMapping("/api/v1/security")
class SecurityOfficerController {
    private static final Logger log = LoggerFactory.getLogger(SecurityOfficerController.class);
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final PseudonymLookup pseudonyms;
    private final JdbcDisclosures disclosures;
    private final ReviewQueue reviews;
    private final ChainCheck chain;
    private final AuditExport export;
    private final OfficerAudit audit;
    private final OfficerProperties properties;
    private final Clock clock;

    SecurityOfficerController(PseudonymLookup pseudonyms, JdbcDisclosures disclosures, ReviewQueue reviews,
                              ChainCheck chain, AuditExport export, OfficerAudit audit, OfficerProperties properties,
                              Clock clock) {
        this.pseudonyms = pseudonyms;
        this.disclosures = disclosures;
        this.reviews = reviews;
        this.chain = chain;
        this.export = export;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    record PseudonymRequest(String personnummer) {
        @Override
        public String toString() {
            return "PseudonymRequest[personnummer=***]";
        }
    }

    record ReviewRequest(String comment, String finding) {
    }

    @PostMapping("/pseudonyms")
    Map<String, String> pseudonymise(@RequestBody PseudonymRequest request, Authentication officer) {
        String actor = actor(officer);
        String pseudonym = pseudonyms.pseudonymise(request == null ? null : request.personnummer(), actor);
        log.info("PSEUDONYM_LOOKUP by {}", actor);
        return Map.of("pseudonym", pseudonym);
    }

    @GetMapping("/disclosures")
    Map<String, Object> disclosures(@RequestParam(required = false) String subject,
                                    @RequestParam(required = false) String participant,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String decision,
                                    @RequestParam(required = false) String basis,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor,
                                    Authentication officer) {
        DisclosureFilter filter = new DisclosureFilter(OfficerQueries.pseudonym("subject", subject, false),
                OfficerQueries.participant(participant), OfficerQueries.from(from), OfficerQueries.to(to),
                OfficerQueries.decision(decision), OfficerQueries.basis(basis), OfficerQueries.limit(limit),
                OfficerQueries.cursor(cursor));
        OfficerQueries.period(filter.from(), filter.to());
        Page<Disclosure> page = disclosures.page(filter);
        if (filter.subject() != null) {
            // Looking a person up is itself a fact for the trail; a query by agency or period names nobody.
            audit.record(AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, clock.instant(), actor(officer))
                    .subjectPseudonyms(List.of(filter.subject())).build());
        }
        return pageBody("disclosures", page);
    }

    @GetMapping("/reviews")
    Map<String, Object> reviews(@RequestParam(required = false) String state,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        return pageBody("reviews", reviews.list(state, limit, cursor));
    }

    @PostMapping("/reviews/{id}")
    Disclosure completeReview(@PathVariable long id, @RequestBody ReviewRequest request, Authentication officer) {
        String actor = actor(officer);
        Disclosure reviewed = reviews.complete(id, request == null ? null : request.finding(),
                request == null ? null : request.comment(), actor);
        log.info("REVIEW_COMPLETED of audit entry {} by {}", id, actor);
        return reviewed;
    }

    @GetMapping("/subjects/{pseudonym}/access-report")
    AccessReport accessReport(@PathVariable String pseudonym, Authentication officer) {
        String subject = OfficerQueries.pseudonym("pseudonym", pseudonym, true);
        int max = properties.accessReportMax();
        AccessReport report = AccessReport.of(subject, clock.instant(), disclosures.aboutSubject(subject, max), max);
        audit.record(AuditEvent.builder(AuditEventType.AUDIT_EXPORTED, clock.instant(), actor(officer))
                .subjectPseudonyms(List.of(subject)).reasonCode("ACCESS_REPORT").build());
        return report;
    }

    @PostMapping("/audit/verification")
    ChainVerification verify(Authentication officer) {
        String actor = actor(officer);
        ChainVerification result = chain.verify(actor);
        log.info("AUDIT_VERIFIED by {}: {}", actor, result.message());
        return result;
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String format,
                                                 Authentication officer) {
        Instant start = from == null || from.isEmpty() ? BEGINNING : OfficerQueries.from(from);
        Instant end = to == null || to.isEmpty() ? END : OfficerQueries.to(to);
        OfficerQueries.period(start, end);
        AuditExport.Format kind = format == null || format.isEmpty() ? AuditExport.Format.CSV
                : OfficerQueries.enumValue(AuditExport.Format.class, "format", format);
        String actor = actor(officer);
        StreamingResponseBody body = (OutputStream out) -> {
            try {
                AuditExport.Written written = export.write(kind, start, end, out);
                audit.record(AuditEvent.builder(AuditEventType.AUDIT_EXPORTED, clock.instant(), actor)
                        .detailDigest(written.sha256()).build());
                log.info("AUDIT_EXPORTED by {}: {} entries as {}", actor, written.entries(), kind);
            } catch (RuntimeException e) {
                audit.record(AuditEvent.builder(AuditEventType.AUDIT_EXPORTED, clock.instant(), actor)
                        .outcome(AuditOutcome.FAILED).build());
                throw e;
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, kind.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"samband-audit." + kind.extension + "\"")
                .body(body);
    }

    @ExceptionHandler(OfficerRefused.class)
    ResponseEntity<ApiError> refused(OfficerRefused e) {
        log.info("security officer request refused: {} ({})", e.code().code(), e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).body(ApiError.of(e.code(), null));
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ApiError> refused(SambandException e) {
        // The message names the rule that failed (format, date, checksum), never the number.
        log.info("security officer request refused: {} ({})", e.code().code(), e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).body(ApiError.of(e.code(), null));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        log.info("security officer request refused: {} ({})", ErrorCode.QUERY_INVALID.code(),
                e.getClass().getSimpleName());
        return ResponseEntity.status(ErrorCode.QUERY_INVALID.httpStatus()).body(ApiError.of(ErrorCode.QUERY_INVALID,
                null));
    }

    private static Map<String, Object> pageBody(String name, Page<Disclosure> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.items());
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    private static String actor(Authentication officer) {
        return PersonActor.of(PersonRole.SECURITY_OFFICER, officer);
    }
}
