package se.samband.connector.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * The notices this connector sent and their handover per recipient, kept from the hub's receipts: the submission
 * receipt (DELIVERED, HELD, DENIED), the recipients' RECEIVED, ACCEPTED and DECLINED, escalations. Each change adds
 * a history line; a receipt read twice (a redelivery) adds nothing the second time.
 */
public class NoticeStatusStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NoticeStatusStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(UUID noticeId) {
        return !jdbc.queryForList("SELECT notice_id FROM sent_notice WHERE notice_id = ?", String.class,
                noticeId.toString()).isEmpty();
    }

    /** A notice written to the outbox: QUEUED for every recipient (same transaction as the outbox row). */
    public void queued(UUID noticeId, NoticeType type, List<ParticipantId> recipients) {
        Timestamp now = now();
        jdbc.update("INSERT INTO sent_notice (notice_id, type, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                noticeId.toString(), type.name(), Outcome.QUEUED.name(), now, now);
        for (ParticipantId recipient : recipients) {
            jdbc.update("INSERT INTO sent_recipient (notice_id, participant, outcome, updated_at) VALUES (?, ?, ?, ?)",
                    noticeId.toString(), recipient.value(), Outcome.QUEUED.name(), now);
        }
        history(noticeId, "QUEUED", null, null, null);
    }

    /** The broker acknowledged the notice. */
    @Transactional
    public void submitted(UUID noticeId) {
        if (exists(noticeId)) {
            for (String participant : participants(noticeId)) {
                move(noticeId, participant, Outcome.SUBMITTED, null);
            }
            history(noticeId, "SUBMITTED", null, null, null);
            refresh(noticeId);
        }
    }

    /** One recipient's outcome from a receipt; {@code sourceId} (the receipt's id) makes it idempotent. */
    @Transactional
    public void outcome(UUID noticeId, ParticipantId participant, Outcome outcome, String reason, UUID sourceId) {
        if (!exists(noticeId) || seen(noticeId, sourceId, outcome.name())) {
            return;
        }
        Optional<Outcome> current = current(noticeId, participant.value());
        if (current.isPresent() && current.get() == Outcome.HELD && outcome.mayFollow(Outcome.DELIVERED)
                && outcome != Outcome.ESCALATED) {
            // the hub says nothing when it releases a held notice: the recipient's first receipt shows it
            history(noticeId, "HOLD_RELEASED", participant.value(), null, null);
        }
        if (!recordHistory(noticeId, outcome.name(), participant.value(), reason, sourceId)) {
            return;
        }
        if (current.isEmpty()) {
            jdbc.update("INSERT INTO sent_recipient (notice_id, participant, outcome, reason, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", noticeId.toString(), participant.value(), outcome.name(), reason, now());
        } else {
            move(noticeId, participant.value(), outcome, reason);
        }
        refresh(noticeId);
    }

    /** The hub refused the whole notice. */
    @Transactional
    public void rejected(UUID noticeId, String code, UUID sourceId) {
        if (!exists(noticeId) || !recordHistory(noticeId, "REJECTED", null, code, sourceId)) {
            return;
        }
        jdbc.update("UPDATE sent_notice SET status = ?, reason = ?, updated_at = ? WHERE notice_id = ?",
                Outcome.REJECTED.name(), code, now(), noticeId.toString());
        jdbc.update("UPDATE sent_recipient SET outcome = ?, reason = ?, updated_at = ? WHERE notice_id = ?",
                Outcome.REJECTED.name(), code, now(), noticeId.toString());
    }

    /** A history line only (e.g. a replay refusal of an outbox resend, which changes nothing). */
    @Transactional
    public void note(UUID noticeId, String event, String reason, UUID sourceId) {
        if (exists(noticeId)) {
            recordHistory(noticeId, event, null, reason, sourceId);
        }
    }

    public Optional<NoticeStatus> find(UUID noticeId) {
        List<NoticeStatus> found = jdbc.query("SELECT type, status, reason FROM sent_notice WHERE notice_id = ?",
                (rs, i) -> new NoticeStatus(noticeId.toString(), rs.getString(1), Outcome.valueOf(rs.getString(2)),
                        rs.getString(3), recipients(noticeId), history(noticeId)), noticeId.toString());
        return found.stream().findFirst();
    }

    private List<NoticeStatus.Recipient> recipients(UUID noticeId) {
        return jdbc.query("SELECT participant, outcome, reason FROM sent_recipient WHERE notice_id = ? "
                + "ORDER BY participant", (rs, i) -> new NoticeStatus.Recipient(rs.getString(1),
                Outcome.valueOf(rs.getString(2)), rs.getString(3)), noticeId.toString());
    }

    private List<NoticeStatus.Event> history(UUID noticeId) {
        return jdbc.query("SELECT at, event, participant, reason FROM notice_history WHERE notice_id = ? ORDER BY id",
                (rs, i) -> new NoticeStatus.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)), noticeId.toString());
    }

    private List<String> participants(UUID noticeId) {
        return jdbc.queryForList("SELECT participant FROM sent_recipient WHERE notice_id = ?", String.class,
                noticeId.toString());
    }

    private Optional<Outcome> current(UUID noticeId, String participant) {
        return jdbc.queryForList("SELECT outcome FROM sent_recipient WHERE notice_id = ? AND participant = ?",
                String.class, noticeId.toString(), participant).stream().findFirst().map(Outcome::valueOf);
    }

    private void move(UUID noticeId, String participant, Outcome outcome, String reason) {
        Optional<Outcome> current = current(noticeId, participant);
        if (current.isPresent() && current.get() != Outcome.REJECTED && outcome.mayFollow(current.get())) {
            jdbc.update("UPDATE sent_recipient SET outcome = ?, reason = ?, updated_at = ? "
                    + "WHERE notice_id = ? AND participant = ?", outcome.name(), reason, now(), noticeId.toString(),
                    participant);
        }
    }

    /** The notice's status: REJECTED stays; otherwise the recipients' outcome that needs attention first. */
    private void refresh(UUID noticeId) {
        String status = jdbc.queryForObject("SELECT status FROM sent_notice WHERE notice_id = ?", String.class,
                noticeId.toString());
        if (Outcome.REJECTED.name().equals(status)) {
            return;
        }
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        outcomes.addAll(participants(noticeId).stream().map(p -> current(noticeId, p).orElseThrow())
                .collect(Collectors.toSet()));
        Outcome overall = Arrays.stream(Outcome.ATTENTION).filter(outcomes::contains).findFirst()
                .orElse(Outcome.QUEUED);
        jdbc.update("UPDATE sent_notice SET status = ?, updated_at = ? WHERE notice_id = ?", overall.name(), now(),
                noticeId.toString());
    }

    /** True if the receipt {@code sourceId} has already been taken in for this event (a redelivery). */
    private boolean seen(UUID noticeId, UUID sourceId, String event) {
        return sourceId != null && !jdbc.queryForList("SELECT id FROM notice_history WHERE notice_id = ? "
                + "AND source_id = ? AND event = ?", Long.class, noticeId.toString(), sourceId.toString(), event)
                .isEmpty();
    }

    private boolean recordHistory(UUID noticeId, String event, String participant, String reason, UUID sourceId) {
        if (seen(noticeId, sourceId, event)) {
            return false;
        }
        try {
            history(noticeId, event, participant, reason, sourceId);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void history(UUID noticeId, String event, String participant, String reason, UUID sourceId) {
        jdbc.update("INSERT INTO notice_history (notice_id, at, event, participant, reason, source_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)", noticeId.toString(), now(), event, participant, reason,
                sourceId == null ? null : sourceId.toString());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
