package se.samband.hub.officer;

import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.PersonnummerShape;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/**
 * The follow-up review queue: every disclosure made on a basis other than a matching consent (the decision flags it
 * {@code reviewRequired} from the federation's legal-basis table) waits here until a security officer has reviewed
 * it. A review is stored once ({@code disclosure_review}) and audited as {@code REVIEW_COMPLETED} with the finding
 * as reason code; it never changes afterwards. The officer's comment stays in the review table: the chain takes no
 * free text.
 */
final class ReviewQueue {
    static final int MAX_COMMENT = 2000;

    /** What the officer found. */
    enum Finding { REVIEW_OK, REVIEW_DEVIATION }

    private final JdbcDisclosures disclosures;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OfficerAudit audit;
    private final Clock clock;

    ReviewQueue(JdbcDisclosures disclosures, JdbcTemplate jdbc, TransactionTemplate transactions, OfficerAudit audit,
                Clock clock) {
        this.disclosures = disclosures;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    Page<Disclosure> list(String state, Integer limit, String cursor) {
        boolean reviewed = OfficerQueries.enumValue(State.class, "state", state == null ? "OPEN" : state)
                == State.REVIEWED;
        return disclosures.reviews(reviewed, OfficerQueries.limit(limit), OfficerQueries.cursor(cursor));
    }

    /** Completes the review of the disclosure {@code id}; the returned disclosure shows it. */
    Disclosure complete(long id, String findingText, String comment, String actor) {
        Finding finding = findingText == null || findingText.isBlank() ? Finding.REVIEW_OK
                : parseFinding(findingText);
        if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
            throw new OfficerRefused(ErrorCode.REVIEW_INVALID, "comment: empty or over " + MAX_COMMENT + " characters");
        }
        if (PersonnummerShape.foundIn(comment)) {
            throw new OfficerRefused(ErrorCode.REVIEW_INVALID, "comment: holds a personal identity number");
        }
        Disclosure disclosure = disclosures.reviewable(id)
                .orElseThrow(() -> new OfficerRefused(ErrorCode.REVIEW_NOT_FOUND, "no reviewable disclosure " + id));
        if (disclosure.review() != null && "REVIEWED".equals(disclosure.review().state())) {
            throw new OfficerRefused(ErrorCode.REVIEW_ALREADY_COMPLETED, "disclosure " + id + " already reviewed");
        }
        Instant now = clock.instant();
        AuditEvent event = AuditEvent.builder(AuditEventType.REVIEW_COMPLETED, now, actor)
                .noticeId(disclosure.noticeId())
                .counterpart(disclosure.recipient())
                .legalBasis(disclosure.legalBasis() == null ? null : LegalBasisCode.valueOf(disclosure.legalBasis()))
                .reasonCode(finding.name())
                .build();
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO disclosure_review (position, reviewed_by, reviewed_at, finding, review_comment)"
                        + " VALUES (?, ?, ?, ?, ?)", id, actor, JdbcDisclosures.time(now), finding.name(), comment);
                // Inside the database transaction: a review whose event the broker refused is not stored either.
                audit.record(event);
            });
        } catch (DuplicateKeyException raced) {
            throw new OfficerRefused(ErrorCode.REVIEW_ALREADY_COMPLETED, "disclosure " + id + " reviewed meanwhile");
        }
        return disclosures.reviewable(id).orElseThrow();
    }

    private static Finding parseFinding(String text) {
        try {
            return Finding.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new OfficerRefused(ErrorCode.REVIEW_INVALID, "finding: unknown");
        }
    }

    enum State { OPEN, REVIEWED }
}
