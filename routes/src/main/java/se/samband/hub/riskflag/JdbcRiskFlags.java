package se.samband.hub.riskflag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;
import se.samband.security.consent.RiskFlag;

/**
 * The risk-flag API's SQL on {@code risk_flag} (V2, with {@code cleared_by} and {@code end_recorded_at} of V6).
 * Runs in the caller's transaction; a clear and the record of an end are conditional updates, so that two hub
 * instances never both win. Portable SQL for H2 and PostgreSQL.
 */
class JdbcRiskFlags {
    private static final String COLUMNS = "flag_id, subject_pseudonym, set_by, valid_until, reason_code, set_at,"
            + " cleared_at, cleared_by";

    private final JdbcTemplate jdbc;

    JdbcRiskFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, RiskFlag flag) {
        jdbc.update("INSERT INTO risk_flag (flag_id, subject_pseudonym, set_by, valid_until, reason_code, set_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", id.toString(), flag.subjectPseudonym(), flag.setBy().value(),
                time(flag.until()), flag.reasonCode(), time(flag.setAt()));
    }

    Optional<StoredFlag> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_flag WHERE flag_id = ?", JdbcRiskFlags::row,
                id.toString()).stream().findFirst();
    }

    /** Every flag on a subject, oldest first. */
    List<StoredFlag> ofSubject(String pseudonym) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_flag WHERE subject_pseudonym = ? ORDER BY set_at, flag_id",
                JdbcRiskFlags::row, pseudonym);
    }

    /** Clears a flag that is not cleared yet; false if it already was. */
    boolean clear(UUID id, ParticipantId by, Instant at) {
        return jdbc.update("UPDATE risk_flag SET cleared_at = ?, cleared_by = ? WHERE flag_id = ?"
                + " AND cleared_at IS NULL", time(at), by.value(), id.toString()) == 1;
    }

    /** Flags that ran out by {@code now} without being cleared and whose end the hub has not recorded yet. */
    List<StoredFlag> endedUnrecorded(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_flag WHERE end_recorded_at IS NULL AND cleared_at IS NULL"
                + " AND valid_until <= ? ORDER BY valid_until LIMIT ?", JdbcRiskFlags::row, time(now), limit);
    }

    /** Records that the end of a flag was audited; false if another instance did already. */
    boolean recordEnd(UUID id, Instant at) {
        return jdbc.update("UPDATE risk_flag SET end_recorded_at = ? WHERE flag_id = ? AND end_recorded_at IS NULL",
                time(at), id.toString()) == 1;
    }

    private static StoredFlag row(ResultSet rs, int i) throws SQLException {
        RiskFlag flag = new RiskFlag(rs.getString(2), ParticipantId.of(rs.getString(3)), instant(rs, 4),
                rs.getString(5), instant(rs, 6), instant(rs, 7));
        return new StoredFlag(UUID.fromString(rs.getString(1)), flag, rs.getString(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
