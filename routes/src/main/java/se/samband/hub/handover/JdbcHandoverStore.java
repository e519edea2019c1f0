package se.samband.hub.handover;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import se.samband.notice.ParticipantId;

/**
 * The handover state as the audit writer keeps it ({@link HandoverProjection}), read with one indexed
 * lookup per question: {@code noticeKnown} is a primary-key probe of {@code notice_seen}. The state lags
 * the broker by the audit writer's batch (milliseconds on a quiet hub, up to its batch wait of 100 ms under load):
 * a replay within that window is caught by the intake's recent ids and the broker's duplicate detection instead,
 * and a receipt that early is retried (Routing).
 */
public final class JdbcHandoverStore implements HandoverStore {
    static final String SELECT = "SELECT notice_id, recipient, sender, notice_type, state, reason_code, respond_by,"
            + " updated_at, watch_due FROM handover";
    private static final RowMapper<Handover> HANDOVER = (row, index) -> HandoverProjection.Row.read(row).toHandover();

    private final JdbcTemplate jdbc;

    public JdbcHandoverStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean noticeKnown(UUID noticeId) {
        return !jdbc.queryForList("SELECT 1 FROM notice_seen WHERE notice_id = ?", Integer.class, noticeId).isEmpty();
    }

    @Override
    public Optional<Handover> find(UUID noticeId, ParticipantId recipient) {
        return jdbc.query(SELECT + " WHERE notice_id = ? AND recipient = ?", HANDOVER, noticeId, recipient.value())
                .stream().findFirst();
    }

    @Override
    public List<Handover> handoversOf(UUID noticeId) {
        return jdbc.query(SELECT + " WHERE notice_id = ? ORDER BY recipient", HANDOVER, noticeId);
    }
}
