package se.samband.hub.held;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * The tables of {@code V5__held.sql}. Portable SQL for H2 and PostgreSQL; the sealed container is stored as
 * base64 text. State changes are conditional on HELD, so a release and an expiry never both win.
 */
class JdbcHeldStore {
    private static final String COLUMNS = "n.notice_id, n.recipient, n.sender, n.notice_type, n.reason, n.consent_id,"
            + " n.held_at, n.hold_until, n.container";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcHeldStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Keeps a held notice; false when it is already kept (a redelivered message of the held queue). */
    boolean hold(HeldNotice notice) {
        if (state(notice.noticeId(), notice.recipient()).isPresent()) {
            return false;
        }
        try {
            transactions.executeWithoutResult(status -> {
                MapSqlParameterSource row = key(notice.noticeId(), notice.recipient())
                        .addValue("sender", notice.sender().value())
                        .addValue("type", notice.type().name())
                        .addValue("reason", notice.reason())
                        .addValue("consentId", notice.consentId())
                        .addValue("heldAt", time(notice.heldAt()))
                        .addValue("holdUntil", time(notice.holdUntil()))
                        .addValue("container", Base64.getEncoder().encodeToString(notice.container()));
                jdbc.update("INSERT INTO held_notice (notice_id, recipient, sender, notice_type, reason, consent_id,"
                        + " held_at, hold_until, state, state_at, container) VALUES (:noticeId, :recipient, :sender,"
                        + " :type, :reason, :consentId, :heldAt, :holdUntil, 'HELD', :heldAt, :container)", row);
                for (String subject : notice.subjects()) {
                    jdbc.update("INSERT INTO held_subject (notice_id, recipient, subject_pseudonym)"
                            + " VALUES (:noticeId, :recipient, :subject)",
                            key(notice.noticeId(), notice.recipient()).addValue("subject", subject));
                }
            });
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Notices still held that concern one of these subjects or cite this consent id (either may be empty). */
    List<HeldNotice> heldFor(Collection<String> subjects, String consentId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("consentId", consentId == null ? "" : consentId)
                .addValue("subjects", subjects.isEmpty() ? List.of("") : subjects)
                .addValue("limit", limit);
        return load("SELECT " + COLUMNS + " FROM held_notice n WHERE n.state = 'HELD' AND (n.consent_id = :consentId"
                + " OR EXISTS (SELECT 1 FROM held_subject s WHERE s.notice_id = n.notice_id"
                + " AND s.recipient = n.recipient AND s.subject_pseudonym IN (:subjects)))"
                + " ORDER BY n.held_at LIMIT :limit", parameters);
    }

    /** The oldest notices still held, whatever their hold window. */
    List<HeldNotice> stillHeld(int limit) {
        return load("SELECT " + COLUMNS + " FROM held_notice n WHERE n.state = 'HELD' ORDER BY n.held_at LIMIT :limit",
                new MapSqlParameterSource("limit", limit));
    }

    /** Notices still held whose hold window ended by {@code now}. */
    List<HeldNotice> dueBy(Instant now, int limit) {
        return load("SELECT " + COLUMNS + " FROM held_notice n WHERE n.state = 'HELD' AND n.hold_until <= :now"
                + " ORDER BY n.hold_until LIMIT :limit",
                new MapSqlParameterSource("now", time(now)).addValue("limit", limit));
    }

    /** Moves a HELD row to {@code state}; false when it had already left HELD. */
    boolean leave(UUID noticeId, ParticipantId recipient, HeldNotice.State state, Instant at) {
        return jdbc.update("UPDATE held_notice SET state = :state, state_at = :at WHERE notice_id = :noticeId"
                        + " AND recipient = :recipient AND state = 'HELD'",
                key(noticeId, recipient).addValue("state", state.name()).addValue("at", time(at))) == 1;
    }

    Optional<HeldNotice.State> state(UUID noticeId, ParticipantId recipient) {
        List<String> states = jdbc.queryForList("SELECT state FROM held_notice WHERE notice_id = :noticeId"
                + " AND recipient = :recipient", key(noticeId, recipient), String.class);
        return states.stream().findFirst().map(HeldNotice.State::valueOf);
    }

    private List<HeldNotice> load(String sql, MapSqlParameterSource parameters) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.query(sql, parameters, rs -> {
            Row row = new Row(rs);
            rows.put(row.noticeId + "|" + row.recipient, row);
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> subjects = new HashMap<>();
        jdbc.query("SELECT notice_id, recipient, subject_pseudonym FROM held_subject WHERE notice_id IN (:ids)",
                new MapSqlParameterSource("ids", rows.values().stream().map(r -> r.noticeId).distinct().toList()),
                rs -> {
                    subjects.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        List<HeldNotice> notices = new ArrayList<>(rows.size());
        rows.forEach((key, row) -> notices.add(row.notice(subjects.getOrDefault(key, List.of()))));
        return notices;
    }

    private static MapSqlParameterSource key(UUID noticeId, ParticipantId recipient) {
        return new MapSqlParameterSource("noticeId", noticeId.toString()).addValue("recipient", recipient.value());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** One held_notice row as read, before its subjects are added. */
    private static final class Row {
        final String noticeId;
        final String recipient;
        final String sender;
        final String type;
        final String reason;
        final String consentId;
        final Instant heldAt;
        final Instant holdUntil;
        final String container;

        Row(ResultSet rs) throws SQLException {
            noticeId = rs.getString(1);
            recipient = rs.getString(2);
            sender = rs.getString(3);
            type = rs.getString(4);
            reason = rs.getString(5);
            consentId = rs.getString(6);
            heldAt = instant(rs, 7);
            holdUntil = instant(rs, 8);
            container = rs.getString(9);
        }

        HeldNotice notice(List<String> subjects) {
            return new HeldNotice(UUID.fromString(noticeId), ParticipantId.of(recipient), ParticipantId.of(sender),
                    NoticeType.valueOf(type), reason, consentId, heldAt, holdUntil, subjects,
                    Base64.getDecoder().decode(container));
        }
    }
}
