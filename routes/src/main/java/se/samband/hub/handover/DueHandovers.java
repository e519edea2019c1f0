package se.samband.hub.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.notice.ParticipantId;

/**
 * The handovers that wait for the respond-by watch and whose respond-by time has passed ({@code watch_due}, see
 * {@link HandoverProjection}), and the watch's mark that it escalated one. Each call is one statement on the
 * {@code watch_due} index: rows that wait for nothing hold null there and are never read.
 */
public final class DueHandovers {
    private static final RowMapper<Handover> HANDOVER = (row, index) -> HandoverProjection.Row.read(row).toHandover();

    private final JdbcTemplate jdbc;

    public DueHandovers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** At most {@code limit} handovers due by {@code now}, the longest overdue first. */
    public List<Handover> dueBy(Instant now, int limit) {
        return jdbc.query(JdbcHandoverStore.SELECT + " WHERE watch_due <= ? ORDER BY watch_due, notice_id, recipient"
                + " LIMIT ?", HANDOVER, HandoverProjection.timestamp(now), limit);
    }

    /**
     * Marks the handover as escalated once the escalation has committed, so that the next sweep does not read it
     * again before the audit writer records {@code HANDOVER_ESCALATED}. A respond-by period begun since (a held
     * notice released again, due after {@code now}) is left as it is. Returns whether the row was marked.
     */
    public boolean escalated(UUID noticeId, ParticipantId recipient, Instant now) {
        return jdbc.update("UPDATE handover SET watch_due = NULL WHERE notice_id = ? AND recipient = ?"
                + " AND watch_due <= ?", noticeId, recipient.value(), HandoverProjection.timestamp(now)) == 1;
    }
}
