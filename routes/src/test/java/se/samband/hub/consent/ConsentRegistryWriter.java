package se.samband.hub.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** Test-only writer of the consent tables, standing in for the registry API of a later issue. */
final class ConsentRegistryWriter {
    private final JdbcTemplate jdbc;

    ConsentRegistryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConsentRecord c) {
        jdbc.update("INSERT INTO consent_record (consent_id, consent_version, status, subject_pseudonym, given_by,"
                        + " recorded_by, recorded_by_function, recorded_at, consent_form, evidence_ref, valid_from,"
                        + " valid_to, effect, withdrawn_at, withdrawn_via)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.consentId(), c.version(), c.status().name(), c.subjectPseudonym(), name(c.givenBy()),
                c.recordedBy().value(), c.recordedByFunction(), time(c.recordedAt()), name(c.form()), c.evidenceRef(),
                time(c.validFrom()), time(c.validTo()), c.effect().name(), time(c.withdrawnAt()), c.withdrawnVia());
        scope(c, ScopeDimension.SENDER, c.senders());
        scope(c, ScopeDimension.RECIPIENT, c.recipients());
        scope(c, ScopeDimension.NOTICE_TYPE, c.noticeTypes());
        scope(c, ScopeDimension.DATA_CATEGORY, c.dataCategories());
        scope(c, ScopeDimension.PURPOSE, c.purposes());
    }

    void insert(RiskFlag f) {
        jdbc.update("INSERT INTO risk_flag (flag_id, subject_pseudonym, set_by, valid_until, reason_code, set_at,"
                        + " cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), f.subjectPseudonym(), f.setBy().value(), time(f.until()), f.reasonCode(),
                time(f.setAt()), time(f.clearedAt()));
    }

    private void scope(ConsentRecord c, ScopeDimension dimension, Collection<?> values) {
        for (Object value : values) {
            jdbc.update("INSERT INTO consent_scope (consent_id, consent_version, dimension, code) VALUES (?, ?, ?, ?)",
                    c.consentId(), c.version(), dimension.name(), value.toString());
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
