package se.samband.hub.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.hub.consent.ConsentFixtures.consent;
import static se.samband.hub.consent.ConsentFixtures.flag;
import static se.samband.hub.consent.ConsentFixtures.newSubject;
import static se.samband.hub.consent.ConsentFixtures.withdrawn;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.samband.hub.MigratedPostgresSchema;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/**
 * V2__consent.sql and the consent store's SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), in a fresh schema that is dropped afterwards.
 */
class ConsentStorePostgresIT {
    @RegisterExtension
    static final MigratedPostgresSchema POSTGRES = new MigratedPostgresSchema("samband_consent_it");

    @Test
    void readsConsentsAndRiskFlagsBackUnchanged() {
        JdbcTemplate jdbc = new JdbcTemplate(POSTGRES.dataSource());
        ConsentRegistryWriter writer = new ConsentRegistryWriter(jdbc);
        String subject = newSubject();
        String other = newSubject();
        ConsentRecord v1 = consent(subject, "kvv-pg-1", 1);
        ConsentRecord v2 = withdrawn(v1);
        ConsentRecord otherConsent = consent(other, "kvv-pg-2", 1);
        RiskFlag flag = flag(subject);
        writer.insert(v1);
        writer.insert(v2);
        writer.insert(otherConsent);
        writer.insert(flag);
        JdbcConsentStore store = new JdbcConsentStore(new NamedParameterJdbcTemplate(POSTGRES.dataSource()));

        assertThat(store.consentsFor(List.of(subject))).containsExactlyInAnyOrder(v1, v2);
        assertThat(store.riskFlagsFor(List.of(subject, other))).containsExactly(flag);
        assertThat(store.recordsFor(List.of(subject, other)).consents())
                .containsExactlyInAnyOrder(v1, v2, otherConsent);

        CachingConsentStore cache = new CachingConsentStore(store, 100, Duration.ofMinutes(1));
        assertThat(cache.consentsFor(List.of(other))).containsExactly(otherConsent);
        writer.insert(withdrawn(otherConsent));
        cache.evict(other);
        assertThat(cache.consentsFor(List.of(other))).containsExactlyInAnyOrder(otherConsent,
                withdrawn(otherConsent));
    }

    @Test
    void theTablesRefuseARecordVersionTwiceAndScopesWithoutTheirRecord() {
        JdbcTemplate jdbc = new JdbcTemplate(POSTGRES.dataSource());
        ConsentRegistryWriter writer = new ConsentRegistryWriter(jdbc);
        ConsentRecord consent = consent(newSubject(), "kvv-pg-3", 1);
        writer.insert(consent);

        assertThatThrownBy(() -> writer.insert(consent))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO consent_scope"
                        + " (consent_id, consent_version, dimension, code) VALUES ('nothing', 1, 'SENDER', 'x.y')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theRegistrysWriterStoresVersionsThatReadBackUnchangedAndRefusesAVersionTwice() {
        JdbcConsentWriter writer = new JdbcConsentWriter(new JdbcTemplate(POSTGRES.dataSource()));
        String subject = newSubject();
        String consentId = "kvv-pg-" + UUID.randomUUID();
        ConsentRecord v1 = consent(subject, consentId, 1);
        ConsentRecord v2 = withdrawn(v1);
        writer.insert(v1);
        writer.insert(v2);

        assertThat(new JdbcConsentStore(new NamedParameterJdbcTemplate(POSTGRES.dataSource()))
                .consentsFor(List.of(subject))).containsExactlyInAnyOrder(v1, v2);
        assertThat(writer.subjectsOf(consentId)).containsExactly(subject);
        assertThatThrownBy(() -> writer.insert(v2))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
