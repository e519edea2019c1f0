package se.samband.connector.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable outbox: sealed containers waiting for the hub, in the connector's own database. A row is written in
 * the same transaction as the notice's status, before the case system gets its 202; it becomes SENT only after the
 * broker acknowledged the message. A failed send is retried with doubling back-off.
 */
public class OutboxStore {
    /** What an outbox row carries: a case notice of the case system, or a receipt the connector sends. */
    public enum Kind { NOTICE, RECEIPT }

    public record Entry(UUID noticeId, Kind kind, byte[] container, int attempts) {
        @Override
        public String toString() {
            return "OutboxEntry[" + kind + " " + noticeId + ", attempts=" + attempts + "]";
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;

    public OutboxStore(JdbcTemplate jdbc, Clock clock, Duration firstRetry, Duration maxRetry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    public void add(UUID noticeId, Kind kind, byte[] container) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO outbox (notice_id, kind, container, state, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, 'PENDING', 0, ?, ?)", noticeId.toString(), kind.name(),
                Base64.getEncoder().encodeToString(container), now, now);
    }

    public boolean contains(UUID noticeId) {
        return !jdbc.queryForList("SELECT notice_id FROM outbox WHERE notice_id = ?", String.class,
                noticeId.toString()).isEmpty();
    }

    /** Pending rows whose time has come, oldest first. */
    public List<Entry> due(int limit) {
        return jdbc.query("SELECT notice_id, kind, container, attempts FROM outbox WHERE state = 'PENDING' "
                + "AND next_attempt_at <= ? ORDER BY created_at, notice_id LIMIT ?",
                (rs, i) -> new Entry(UUID.fromString(rs.getString(1)), Kind.valueOf(rs.getString(2)),
                        Base64.getDecoder().decode(rs.getString(3)), rs.getInt(4)),
                Timestamp.from(clock.instant()), limit);
    }

    public void sent(UUID noticeId) {
        jdbc.update("UPDATE outbox SET state = 'SENT', sent_at = ?, last_error = NULL WHERE notice_id = ?",
                Timestamp.from(clock.instant()), noticeId.toString());
    }

    /** Keeps the row pending and sets its next attempt: first-retry, doubled per attempt, at most max-retry. */
    public Instant failed(UUID noticeId, int attemptsBefore, String error) {
        Duration delay = backOff(attemptsBefore + 1);
        Instant next = clock.instant().plus(delay);
        jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE notice_id = ?", Timestamp.from(next), error == null ? null
                : error.substring(0, Math.min(200, error.length())), noticeId.toString());
        return next;
    }

    Duration backOff(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    public int pending() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'", Integer.class);
        return count == null ? 0 : count;
    }
}
