package se.samband.connector.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * Notices received for this participant, kept sealed (opened only when the case system reads them), with their
 * state (NEW, ACCEPTED, DECLINED; INFO for the hub's notices, which need no answer) and whether the case system has
 * been given them (webhook or folder). {@code seq} is the pull API's cursor.
 */
public class InboxStore {
    public enum State { NEW, ACCEPTED, DECLINED, INFO }

    public record Row(long seq, UUID noticeId, ParticipantId sender, NoticeType type, UUID inReplyTo,
                      byte[] container, State state, boolean delivered, int deliveryAttempts, Instant receivedAt) {
        @Override
        public String toString() {
            return "InboxRow[" + seq + " " + type + " " + noticeId + " from " + sender + "]";
        }
    }

    private static final String COLUMNS = "seq, notice_id, sender, type, in_reply_to, container, state, delivered, "
            + "delivery_attempts, received_at";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), UUID.fromString(rs.getString(2)),
            ParticipantId.of(rs.getString(3)), NoticeType.valueOf(rs.getString(4)),
            rs.getString(5) == null ? null : UUID.fromString(rs.getString(5)),
            Base64.getDecoder().decode(rs.getString(6)), State.valueOf(rs.getString(7)), rs.getBoolean(8),
            rs.getInt(9), rs.getTimestamp(10).toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InboxStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a received notice once; false if it was there already (a redelivery). */
    public boolean add(UUID noticeId, ParticipantId sender, NoticeType type, UUID inReplyTo, byte[] container,
                       State state) {
        if (find(noticeId).isPresent()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO inbox (notice_id, sender, type, in_reply_to, container, state, next_delivery_at, "
                + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", noticeId.toString(), sender.value(), type.name(),
                inReplyTo == null ? null : inReplyTo.toString(), Base64.getEncoder().encodeToString(container),
                state.name(), now, now);
        return true;
    }

    public Optional<Row> find(UUID noticeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE notice_id = ?", ROW, noticeId.toString())
                .stream().findFirst();
    }

    public List<Row> after(long cursor, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE seq > ? ORDER BY seq LIMIT ?", ROW, cursor, limit);
    }

    public List<Row> undelivered(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE delivered = FALSE AND next_delivery_at <= ? "
                + "ORDER BY seq LIMIT ?", ROW, Timestamp.from(clock.instant()), limit);
    }

    public void delivered(UUID noticeId) {
        jdbc.update("UPDATE inbox SET delivered = TRUE WHERE notice_id = ?", noticeId.toString());
    }

    public void deliveryFailed(UUID noticeId, Duration delay) {
        jdbc.update("UPDATE inbox SET delivery_attempts = delivery_attempts + 1, next_delivery_at = ? "
                + "WHERE notice_id = ?", Timestamp.from(clock.instant().plus(delay)), noticeId.toString());
    }

    /** Moves NEW to ACCEPTED or DECLINED; false if the row was no longer NEW. */
    public boolean answer(UUID noticeId, State state) {
        return jdbc.update("UPDATE inbox SET state = ?, answered_at = ? WHERE notice_id = ? AND state = 'NEW'",
                state.name(), Timestamp.from(clock.instant()), noticeId.toString()) == 1;
    }
}
