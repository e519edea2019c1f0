package se.samband.hub.officer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Disclosures read from the audit trail (V3 {@code audit_entry}, {@code audit_subject}), with the sender from the
 * handover record (V4) and the follow-up review (V7 {@code disclosure_review}). A disclosure is a successful
 * {@code DISCLOSURE_DECIDED} (PERMIT, HOLD or DENY) or {@code HOLD_RELEASED}. Portable SQL for H2 and PostgreSQL;
 * the indexes of V3 serve the filters.
 */
final class JdbcDisclosures {
    private static final String SELECT = "SELECT e.position, e.type, e.occurred_at, e.notice_id, e.notice_type,"
            + " e.counterpart, h.sender, e.decision, e.legal_basis, e.consent_id, e.reason_code, e.review_required,"
            + " r.reviewed_by, r.reviewed_at, r.finding, r.review_comment"
            + " FROM audit_entry e"
            + " LEFT JOIN handover h ON h.notice_id = e.notice_id AND h.recipient = e.counterpart"
            + " LEFT JOIN disclosure_review r ON r.position = e.position"
            + " WHERE e.type IN ('DISCLOSURE_DECIDED', 'HOLD_RELEASED') AND e.outcome = 'SUCCESS'";
    /** Disclosures on a basis that needs a follow-up review: permitted, and flagged by the decision. */
    private static final String NEEDS_REVIEW = " AND e.review_required = TRUE AND e.decision = 'PERMIT'";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDisclosures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of disclosures, newest first. */
    Page<Disclosure> page(DisclosureFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (filter.subject() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM audit_subject s WHERE s.position = e.position"
                    + " AND s.pseudonym = :subject)");
            parameters.addValue("subject", filter.subject());
        }
        if (filter.participant() != null) {
            sql.append(" AND (e.counterpart = :participant OR h.sender = :participant)");
            parameters.addValue("participant", filter.participant());
        }
        if (filter.from() != null) {
            sql.append(" AND e.occurred_at >= :from");
            parameters.addValue("from", time(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.occurred_at < :to");
            parameters.addValue("to", time(filter.to()));
        }
        if (filter.decision() != null) {
            sql.append(" AND e.decision = :decision");
            parameters.addValue("decision", filter.decision().name());
        }
        if (filter.basis() != null) {
            sql.append(" AND e.legal_basis = :basis");
            parameters.addValue("basis", filter.basis().name());
        }
        if (filter.after() != null) {
            sql.append(" AND e.position < :after");
            parameters.addValue("after", filter.after());
        }
        sql.append(" ORDER BY e.position DESC LIMIT :limit");
        parameters.addValue("limit", filter.limit() + 1);
        return page(withSubjects(jdbc.query(sql.toString(), parameters, (rs, row) -> disclosure(rs))), filter.limit());
    }

    /** A page of the review queue: {@code OPEN} or {@code REVIEWED}, oldest first (a queue is worked from its head). */
    Page<Disclosure> reviews(boolean reviewed, int limit, Long after) {
        String sql = SELECT + NEEDS_REVIEW + (reviewed ? " AND r.position IS NOT NULL" : " AND r.position IS NULL")
                + (after != null ? " AND e.position > :after" : "") + " ORDER BY e.position LIMIT :limit";
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit + 1);
        if (after != null) {
            parameters.addValue("after", after);
        }
        return page(withSubjects(jdbc.query(sql, parameters, (rs, row) -> disclosure(rs))), limit);
    }

    /** The disclosure at this position if it is one that needs a follow-up review. */
    Optional<Disclosure> reviewable(long id) {
        return withSubjects(jdbc.query(SELECT + NEEDS_REVIEW + " AND e.position = :id",
                new MapSqlParameterSource("id", id), (rs, row) -> disclosure(rs))).stream().findFirst();
    }

    /** Every disclosure about this subject, oldest first, at most {@code max} (+1 to tell that there are more). */
    List<Disclosure> aboutSubject(String pseudonym, int max) {
        return withSubjects(jdbc.query(SELECT + " AND EXISTS (SELECT 1 FROM audit_subject s"
                        + " WHERE s.position = e.position AND s.pseudonym = :subject) ORDER BY e.position LIMIT :limit",
                new MapSqlParameterSource("subject", pseudonym).addValue("limit", max + 1),
                (rs, row) -> disclosure(rs)));
    }

    private List<Disclosure> withSubjects(List<Disclosure> disclosures) {
        if (disclosures.isEmpty()) {
            return disclosures;
        }
        Map<Long, List<String>> subjects = new HashMap<>();
        List<Long> ids = disclosures.stream().map(Disclosure::id).toList();
        jdbc.query("SELECT position, pseudonym FROM audit_subject WHERE position IN (:ids) ORDER BY position, ordinal",
                new MapSqlParameterSource("ids", ids),
                rs -> {
                    subjects.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, Disclosure> ordered = new LinkedHashMap<>();
        disclosures.forEach(d -> ordered.put(d.id(), d.withSubjects(subjects.getOrDefault(d.id(), List.of()))));
        return List.copyOf(ordered.values());
    }

    private static Page<Disclosure> page(List<Disclosure> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Disclosure> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), Long.toString(items.get(items.size() - 1).id()));
    }

    private static Disclosure disclosure(ResultSet rs) throws SQLException {
        boolean reviewRequired = rs.getBoolean("review_required") && "PERMIT".equals(rs.getString("decision"));
        Disclosure.Review review = null;
        if (rs.getString("reviewed_by") != null) {
            review = new Disclosure.Review("REVIEWED", rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                    rs.getString("finding"), rs.getString("review_comment"));
        } else if (reviewRequired) {
            review = Disclosure.Review.OPEN;
        }
        return new Disclosure(rs.getLong("position"), instant(rs, "occurred_at"), rs.getString("type"),
                rs.getObject("notice_id", UUID.class), rs.getString("notice_type"), rs.getString("sender"),
                rs.getString("counterpart"), List.of(), rs.getString("decision"), rs.getString("legal_basis"),
                rs.getString("consent_id"), rs.getString("reason_code"), reviewRequired, review);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
