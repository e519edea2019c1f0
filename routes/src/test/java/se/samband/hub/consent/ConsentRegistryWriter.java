package se.samband.hub.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** Test-only writer of the consent and risk-flag tables, for tests that need records without the API. */
final class ConsentRegistryWriter {
    private final JdbcTemplate jdbc;

    ConsentRegistryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Consents go in through the registry's own writer, so the tests read what the registry writes. */
    void insert(ConsentRecord c) {
        new JdbcConsentWriter(jdbc).insert(c);
    }

    void insert(RiskFlag f) {
        jdbc.update("INSERT INTO risk_flag (flag_id, subject_pseudonym, set_by, valid_until, reason_code, set_at,"
                        + " cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), f.subjectPseudonym(), f.setBy().value(), time(f.until()), f.reasonCode(),
                time(f.setAt()), time(f.clearedAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
