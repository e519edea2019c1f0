package se.samband.hub.handover;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import se.samband.hub.handover.HandoverStore.Handover;

/**
 * The handovers that wait for the respond-by watch and whose time has come ({@code watch_due}, see
 * {@link HandoverProjection}), and the watch's claims on them. Each call is one statement on the primary key or the
 * {@code watch_due} index; rows that wait for nothing hold null there and are never read.
 *
 * <p>A claim moves {@code watch_due} to the end of a lease, only if it still holds what was read: so two hub instances
 * never both escalate one handover, a handover the audit writer closed since it was read (an acceptance) is not
 * escalated, and a handover whose escalating instance died is due again when the lease ends.
 */
public final class DueHandovers {
    private static final RowMapper<Due> DUE = (row, index) -> {
        HandoverProjection.Row read = HandoverProjection.Row.read(row);
        return new Due(read.toHandover(), read.watchDue());
    };

    private final JdbcTemplate jdbc;

    /** A handover due for the watch, with the {@code watch_due} value it was read with. */
    public record Due(Handover handover, Instant watchDue) {
    }

    public DueHandovers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** At most {@code limit} handovers due by {@code now}, the longest waiting first. */
    public List<Due> dueBy(Instant now, int limit) {
        return jdbc.query(JdbcHandoverStore.SELECT + " WHERE watch_due <= ? ORDER BY watch_due LIMIT ?", DUE,
                HandoverProjection.timestamp(now), limit);
    }

    /** Claims the handover until {@code leaseEnd}; false if another instance or the audit writer changed it since. */
    public boolean claim(Due due, Instant leaseEnd) {
        return move(due, due.watchDue(), leaseEnd);
    }

    /** The escalation committed: the handover waits for nothing more (unless the audit writer gave it a new time). */
    public boolean escalated(Due due, Instant leaseEnd) {
        return move(due, leaseEnd, null);
    }

    /** The escalation could not be written: due again at once, for the next sweep. */
    public boolean release(Due due, Instant leaseEnd) {
        return move(due, leaseEnd, due.watchDue());
    }

    private boolean move(Due due, Instant from, Instant to) {
        return jdbc.update("UPDATE handover SET watch_due = ? WHERE notice_id = ? AND recipient = ? AND watch_due = ?",
                HandoverProjection.timestamp(to), due.handover().noticeId(), due.handover().recipient().value(),
                HandoverProjection.timestamp(from)) == 1;
    }
}
