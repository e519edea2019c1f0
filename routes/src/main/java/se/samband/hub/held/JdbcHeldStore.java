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
 * The tables of {@code V5__held.sql} and the manual routing queue of V6 ({@code manual_routing}). Portable SQL for H2
 * and PostgreSQL; the sealed container is stored as base64 text. State changes are conditional on HELD (or QUEUED),
 * so a release and an expiry, or two operators, never both win.
 */
class JdbcHeldStore {
    private static final String COLUMNS = "n.notice_id, n.recipient, n.sender, n.notice_type, n.reason, n.consent_id,"
            + " n.held_at, n.hold_until, n.container, m.state";
    /** Held rows with their notice's manual routing state (null unless it was queued for an operator). */
    private static final String HELD = " FROM held_notice n LEFT JOIN manual_routing m ON m.notice_id = n.notice_id";
    /** held_notice.reason of a notice queued for manual routing (Decision.HoldReason). */
    static final String MANUAL_ROUTING = "MANUAL_ROUTING_PROTECTED_IDENTITY";

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
                if (MANUAL_ROUTING.equals(notice.reason())) {
                    queueForOperator(notice.noticeId(), notice.sender(), notice.type(), notice.heldAt());
                }
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
        return load("SELECT " + COLUMNS + HELD + " WHERE n.state = 'HELD' AND (n.consent_id = :consentId"
                + " OR EXISTS (SELECT 1 FROM held_subject s WHERE s.notice_id = n.notice_id"
                + " AND s.recipient = n.recipient AND s.subject_pseudonym IN (:subjects)))"
                + " ORDER BY n.held_at LIMIT :limit", parameters);
    }

    /** The oldest notices still held, whatever their hold window. */
    List<HeldNotice> stillHeld(int limit) {
        return load("SELECT " + COLUMNS + HELD + " WHERE n.state = 'HELD' ORDER BY n.held_at LIMIT :limit",
                new MapSqlParameterSource("limit", limit));
    }

    /** Notices still held whose hold window ended by {@code now}. */
    List<HeldNotice> dueBy(Instant now, int limit) {
        return load("SELECT " + COLUMNS + HELD + " WHERE n.state = 'HELD' AND n.hold_until <= :now"
                + " ORDER BY n.hold_until LIMIT :limit",
                new MapSqlParameterSource("now", time(now)).addValue("limit", limit));
    }

    /** Moves a HELD row to {@code state}; false when it had already left HELD. */
    boolean leave(UUID noticeId, ParticipantId recipient, HeldNotice.State state, Instant at) {
        return jdbc.update("UPDATE held_notice SET state = :state, state_at = :at WHERE notice_id = :noticeId"
                        + " AND recipient = :recipient AND state = 'HELD'",
                key(noticeId, recipient).addValue("state", state.name()).addValue("at", time(at))) == 1;
    }

    /** Changes why a HELD row is held (a new decision holds it for another reason). */
    boolean reason(UUID noticeId, ParticipantId recipient, String reason) {
        return jdbc.update("UPDATE held_notice SET reason = :reason WHERE notice_id = :noticeId"
                + " AND recipient = :recipient AND state = 'HELD'", key(noticeId, recipient).addValue("reason",
                reason)) == 1;
    }

    /** Puts a notice on the manual routing queue unless it is there already (in the caller's transaction). */
    void queueForOperator(UUID noticeId, ParticipantId sender, NoticeType type, Instant at) {
        jdbc.update("INSERT INTO manual_routing (notice_id, sender, notice_type, queued_at, state)"
                + " SELECT :noticeId, :sender, :type, :at, 'QUEUED' WHERE NOT EXISTS"
                + " (SELECT 1 FROM manual_routing WHERE notice_id = :noticeId)",
                new MapSqlParameterSource("noticeId", noticeId.toString()).addValue("sender", sender.value())
                        .addValue("type", type.name()).addValue("at", time(at)));
    }

    /** The notices waiting for an operator, oldest first, with the recipients held for them. */
    List<QueuedRouting> manualQueue(int limit) {
        Map<String, QueuedRouting> queued = new LinkedHashMap<>();
        jdbc.query("SELECT notice_id, notice_type, sender, queued_at FROM manual_routing WHERE state = 'QUEUED'"
                + " ORDER BY queued_at, notice_id LIMIT :limit", new MapSqlParameterSource("limit", limit), rs -> {
                    queued.put(rs.getString(1), new QueuedRouting(UUID.fromString(rs.getString(1)),
                            NoticeType.valueOf(rs.getString(2)), ParticipantId.of(rs.getString(3)), new ArrayList<>(),
                            instant(rs, 4)));
                });
        if (queued.isEmpty()) {
            return List.of();
        }
        jdbc.query("SELECT notice_id, recipient FROM held_notice WHERE notice_id IN (:ids) AND state = 'HELD'"
                + " AND reason = :reason ORDER BY recipient", new MapSqlParameterSource("ids", queued.keySet())
                .addValue("reason", MANUAL_ROUTING), rs -> {
                    queued.get(rs.getString(1)).recipients().add(ParticipantId.of(rs.getString(2)));
                });
        return queued.values().stream().map(q -> new QueuedRouting(q.noticeId(), q.type(), q.sender(),
                List.copyOf(q.recipients()), q.queuedAt())).toList();
    }

    /**
     * Resolves a queued notice as {@code state} (ROUTED or RETURNED) in {@code by}'s name; false if it is not
     * queued (unknown, or resolved already, perhaps by another operator on another hub instance).
     */
    boolean resolveManual(UUID noticeId, String state, Instant at, String by, String comment) {
        return jdbc.update("UPDATE manual_routing SET state = :state, resolved_at = :at, resolved_by = :by,"
                        + " resolution_comment = :comment WHERE notice_id = :noticeId AND state = 'QUEUED'",
                new MapSqlParameterSource("noticeId", noticeId.toString()).addValue("state", state)
                        .addValue("at", time(at)).addValue("by", by).addValue("comment", comment)) == 1;
    }

    /** The copies of a notice still held for manual routing. */
    List<HeldNotice> heldForRouting(UUID noticeId) {
        return load("SELECT " + COLUMNS + HELD + " WHERE n.notice_id = :noticeId AND n.state = 'HELD'"
                + " AND n.reason = :reason ORDER BY n.recipient", new MapSqlParameterSource("noticeId",
                noticeId.toString()).addValue("reason", MANUAL_ROUTING));
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
        final boolean routingConfirmed;

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
            routingConfirmed = "ROUTED".equals(rs.getString(10));
        }

        HeldNotice notice(List<String> subjects) {
            return new HeldNotice(UUID.fromString(noticeId), ParticipantId.of(recipient), ParticipantId.of(sender),
                    NoticeType.valueOf(type), reason, consentId, heldAt, holdUntil, subjects,
                    Base64.getDecoder().decode(container), routingConfirmed);
        }
    }
}
