package se.samband.hub;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;

/**
 * Reads what the hub's audit writer appended: the audit events of a notice, by idempotency key, and the handover
 * state it keeps beside them. In the shared context the writer consumes samband.hub.audit at once, so the tables
 * are where audit events are observed.
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

    /** When the respond-by watch is to look at the handover ({@code watch_due}), or null if it waits for nothing. */
    public Instant watchDue(UUID noticeId, ParticipantId recipient) {
        OffsetDateTime due = jdbc.queryForObject("SELECT watch_due FROM handover WHERE notice_id = ? AND recipient = ?",
                OffsetDateTime.class, noticeId, recipient.value());
        return due == null ? null : due.toInstant();
    }

    public List<String> reasonCodesWithCounterpart(String counterpart, String type) {
        return jdbc.queryForList("SELECT reason_code FROM audit_entry WHERE counterpart = ? AND type = ?"
                + " ORDER BY position", String.class, counterpart, type);
    }
}
