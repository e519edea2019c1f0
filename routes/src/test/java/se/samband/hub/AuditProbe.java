package se.samband.hub;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what the hub's audit writer appended: the audit events of a notice, by idempotency key. In the shared
 * context the writer consumes samband.hub.audit at once, so the table is where audit events are observed.
 */
public final class AuditProbe {
    private final JdbcTemplate jdbc;

    public AuditProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> keysOf(UUID noticeId) {
        return jdbc.queryForList("SELECT idempotency_key FROM audit_entry WHERE notice_id = ? ORDER BY position",
                String.class, noticeId);
    }

    public List<String> keysWithCounterpart(String counterpart, String type) {
        return jdbc.queryForList("SELECT idempotency_key FROM audit_entry WHERE counterpart = ? AND type = ?"
                + " ORDER BY position", String.class, counterpart, type);
    }

    public List<String> reasonCodesWithCounterpart(String counterpart, String type) {
        return jdbc.queryForList("SELECT reason_code FROM audit_entry WHERE counterpart = ? AND type = ?"
                + " ORDER BY position", String.class, counterpart, type);
    }
}
