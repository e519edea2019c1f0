package se.samband.hub.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.notice.ParticipantId;

/**
 * The case timeline of issue 6: for a subject pseudonym, a case reference or one notice, every notice's decisions,
 * dispatches, holds, receipts, escalations and refusals across the agencies, in audit chain order. Read from the
 * audit trail ({@code audit_entry}, {@code audit_subject}), the handover state (who sent a notice) and
 * {@code notice_case_ref} (V8, case reference digests). Entries without a notice (a receipt or escalation names no
 * subject) are found through their notice id, so a subject's timeline holds them too.
 *
 * <p>A participant sees only notices it sent (all their entries) or received (the entries about itself): a
 * recipient does not learn what other recipients were told or refused. A security officer sees everything,
 * including the subject's consent and risk-flag events.
 */
public class CaseTimeline {
    /** The most notices one timeline holds; a larger answer is cut to the earliest and marked truncated. */
    public static final int MAX_NOTICES = 500;
    private static final String COLUMNS = "e.position, e.type, e.outcome, e.occurred_at, e.notice_id, e.actor,"
            + " e.counterpart, e.notice_type, e.decision, e.legal_basis, e.consent_id, e.reason_code";
    /** Views and look-ups of the trail are not events of the case. */
    private static final String NOT_META = "e.type NOT IN ('TIMELINE_VIEWED', 'PSEUDONYM_LOOKUP')";

    private final JdbcTemplate jdbc;

    public CaseTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@code caller} may see: notices it sent, and of notices it received the entries about itself. */
    public Timeline forParticipant(ParticipantId caller, TimelineQuery query) {
        List<UUID> notices = noticeIds(query);
        boolean truncated = notices.size() > MAX_NOTICES;
        notices = notices.subList(0, Math.min(notices.size(), MAX_NOTICES));
        List<TimelineEntry> entries = entriesOf(notices);
        Set<UUID> sent = sentBy(caller, notices, entries);
        String me = caller.value();
        List<TimelineEntry> visible = new ArrayList<>();
        Set<UUID> involved = new LinkedHashSet<>();
        Set<UUID> received = new HashSet<>();
        for (TimelineEntry entry : entries) {
            if ("NOTICE_DISPATCHED".equals(entry.type()) && me.equals(entry.counterpart())) {
                received.add(entry.noticeId());
            }
        }
        for (TimelineEntry entry : entries) {
            boolean aboutMe = me.equals(entry.actor()) || me.equals(entry.counterpart());
            if (sent.contains(entry.noticeId()) || received.contains(entry.noticeId()) && aboutMe) {
                visible.add(entry.withActor(personRoleOnly(entry.actor())));
                involved.add(entry.noticeId());
            }
        }
        return new Timeline(query.kind(), involved.size(), truncated, visible);
    }

    /** Everything the trail holds for the question, with each entry's subjects. */
    public Timeline forOfficer(TimelineQuery query) {
        List<UUID> notices = noticeIds(query);
        boolean truncated = notices.size() > MAX_NOTICES;
        notices = notices.subList(0, Math.min(notices.size(), MAX_NOTICES));
        List<TimelineEntry> entries = new ArrayList<>(entriesOf(notices));
        if (query.kind() == TimelineQuery.Kind.SUBJECT) {
            entries.addAll(jdbc.query("SELECT " + COLUMNS + " FROM audit_entry e JOIN audit_subject s"
                    + " ON s.position = e.position WHERE s.pseudonym = ? AND e.notice_id IS NULL AND " + NOT_META
                    + " ORDER BY e.position", CaseTimeline::entry, query.value()));
            entries.sort(Comparator.comparingLong(TimelineEntry::position));
        }
        Map<Long, List<String>> subjects = subjectsOf(entries);
        List<TimelineEntry> withSubjects = entries.stream()
                .map(entry -> entry.withSubjects(subjects.getOrDefault(entry.position(), List.of())))
                .toList();
        return new Timeline(query.kind(), notices.size(), truncated, withSubjects);
    }

    /** The notices the question names, earliest first, one more than {@link #MAX_NOTICES} at most. */
    private List<UUID> noticeIds(TimelineQuery query) {
        return switch (query.kind()) {
            case NOTICE -> List.of(query.noticeId());
            case CASE_REF -> jdbc.queryForList("SELECT c.notice_id FROM notice_case_ref c JOIN audit_entry e"
                    + " ON e.notice_id = c.notice_id WHERE c.case_ref_digest = ?"
                    + " GROUP BY c.notice_id ORDER BY MIN(e.position) LIMIT " + (MAX_NOTICES + 1), UUID.class,
                    CaseRefDigest.of(query.value()));
            case SUBJECT -> jdbc.queryForList("SELECT e.notice_id FROM audit_subject s JOIN audit_entry e"
                    + " ON e.position = s.position WHERE s.pseudonym = ? AND e.notice_id IS NOT NULL"
                    + " GROUP BY e.notice_id ORDER BY MIN(e.position) LIMIT " + (MAX_NOTICES + 1), UUID.class,
                    query.value());
        };
    }

    private List<TimelineEntry> entriesOf(List<UUID> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry e WHERE e.notice_id IN ("
                + placeholders(notices.size()) + ") AND " + NOT_META + " ORDER BY e.position",
                CaseTimeline::entry, notices.toArray());
    }

    /** Notices {@code caller} sent: the handover's sender, or the authenticated sender of a refused notice. */
    private Set<UUID> sentBy(ParticipantId caller, List<UUID> notices, List<TimelineEntry> entries) {
        Set<UUID> sent = new HashSet<>();
        if (notices.isEmpty()) {
            return sent;
        }
        List<Object> arguments = new ArrayList<>(notices);
        arguments.add(caller.value());
        sent.addAll(jdbc.queryForList("SELECT DISTINCT notice_id FROM handover WHERE notice_id IN ("
                + placeholders(notices.size()) + ") AND sender = ?", UUID.class, arguments.toArray()));
        for (TimelineEntry entry : entries) {
            if ("NOTICE_REJECTED".equals(entry.type()) && caller.value().equals(entry.actor())) {
                sent.add(entry.noticeId());
            }
        }
        return sent;
    }

    private Map<Long, List<String>> subjectsOf(List<TimelineEntry> entries) {
        Map<Long, List<String>> subjects = new HashMap<>();
        List<Long> positions = entries.stream().map(TimelineEntry::position).toList();
        for (int from = 0; from < positions.size(); from += MAX_NOTICES) {
            List<Long> chunk = positions.subList(from, Math.min(positions.size(), from + MAX_NOTICES));
            jdbc.query("SELECT position, pseudonym FROM audit_subject WHERE position IN ("
                    + placeholders(chunk.size()) + ") ORDER BY position, ordinal", row -> {
                        subjects.computeIfAbsent(row.getLong(1), p -> new ArrayList<>()).add(row.getString(2));
                    }, chunk.toArray());
        }
        return subjects;
    }

    /** A person acting (console) is shown to participants by role only: {@code operator}, not the account. */
    private static String personRoleOnly(String actor) {
        int colon = actor.indexOf(':');
        return colon < 0 ? actor : actor.substring(0, colon);
    }

    private static TimelineEntry entry(ResultSet row, int index) throws SQLException {
        OffsetDateTime occurred = row.getObject("occurred_at", OffsetDateTime.class);
        return new TimelineEntry(row.getLong("position"), occurred.toInstant(), row.getString("type"),
                row.getString("outcome"), row.getObject("notice_id", UUID.class), row.getString("notice_type"),
                row.getString("actor"), row.getString("counterpart"), row.getString("decision"),
                row.getString("legal_basis"), row.getString("consent_id"), row.getString("reason_code"), null);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
