package se.samband.hub.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.security.consent.ConsentRecord;

/**
 * Writes one consent version into the tables of {@code V2__consent.sql}: its row and one scope row per named
 * value. Runs in the caller's transaction; a version that exists already fails on the primary key. Portable SQL.
 */
class JdbcConsentWriter {
    private final JdbcTemplate jdbc;

    JdbcConsentWriter(JdbcTemplate jdbc) {
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

    /** The subjects a consent id has been registered for (one, unless the table was edited). */
    List<String> subjectsOf(String consentId) {
        return jdbc.queryForList("SELECT DISTINCT subject_pseudonym FROM consent_record WHERE consent_id = ?",
                String.class, consentId);
    }

    private void scope(ConsentRecord c, ScopeDimension dimension, Collection<?> values) {
        List<Object[]> rows = values.stream()
                .map(v -> new Object[] {c.consentId(), c.version(), dimension.name(), v.toString()})
                .toList();
        jdbc.batchUpdate("INSERT INTO consent_scope (consent_id, consent_version, dimension, code)"
                + " VALUES (?, ?, ?, ?)", rows);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
