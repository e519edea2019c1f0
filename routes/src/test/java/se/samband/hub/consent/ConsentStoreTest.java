package se.samband.hub.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.consent.ConsentFixtures.consent;
import static se.samband.hub.consent.ConsentFixtures.flag;
import static se.samband.hub.consent.ConsentFixtures.newSubject;
import static se.samband.hub.consent.ConsentFixtures.withdrawn;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import se.samband.hub.HubSpringTest;
import se.samband.hub.system.Endpoints;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** The registry's read side in the running hub: H2 with the real migrations, the cache and the change topic. */
class ConsentStoreTest extends HubSpringTest {
    @Autowired
    private JdbcConsentStore database;
    @Autowired
    private ConsentStore store;
    @Autowired
    private ConsentChanges changes;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private jakarta.jms.ConnectionFactory connectionFactory;

    @Test
    void readsEveryVersionOfEveryConsentWithItsScopeAndTheRiskFlags() {
        String subject = newSubject();
        String other = newSubject();
        ConsentRecord v1 = consent(subject, "kvv-" + subject.substring(4, 14), 1);
        ConsentRecord v2 = withdrawn(v1);
        ConsentRecord otherConsent = consent(other, "kvv-" + other.substring(4, 14), 1);
        RiskFlag flag = flag(subject);
        ConsentRegistryWriter writer = new ConsentRegistryWriter(jdbc);
        writer.insert(v1);
        writer.insert(v2);
        writer.insert(otherConsent);
        writer.insert(flag);

        assertThat(database.consentsFor(List.of(subject))).containsExactlyInAnyOrder(v1, v2);
        assertThat(database.riskFlagsFor(List.of(subject))).containsExactly(flag);
        assertThat(database.consentsFor(List.of(subject, other))).containsExactlyInAnyOrder(v1, v2, otherConsent);
        assertThat(database.consentsFor(List.of(newSubject()))).isEmpty();
        assertThat(database.consentsFor(List.of())).isEmpty();
    }

    @Test
    void thePipelineReadsThroughTheCache() {
        assertThat(store).isInstanceOf(CachingConsentStore.class);
        CachingConsentStore cache = (CachingConsentStore) store;
        String subject = newSubject();
        ConsentRecord v1 = consent(subject, "kvv-" + subject.substring(4, 14), 1);
        ConsentRegistryWriter writer = new ConsentRegistryWriter(jdbc);
        writer.insert(v1);

        assertThat(store.consentsFor(List.of(subject))).containsExactly(v1);
        assertThat(cache.isCached(subject)).isTrue();
        writer.insert(withdrawn(v1));

        assertThat(store.consentsFor(List.of(subject))).as("still the cached state").containsExactly(v1);
        changes.announce(List.of(subject));
        assertThat(store.consentsFor(List.of(subject))).containsExactlyInAnyOrder(v1, withdrawn(v1));
    }

    @Test
    void aChangeAnnouncedByAnotherHubInstanceEmptiesThisInstancesCache() {
        CachingConsentStore cache = (CachingConsentStore) store;
        String subject = newSubject();
        String untouched = newSubject();
        new ConsentRegistryWriter(jdbc).insert(flag(subject));
        store.recordsFor(List.of(subject, untouched));
        assertThat(cache.isCached(subject)).isTrue();

        // What another instance's ConsentChanges sends: its own JMS connection, one pseudonym per line.
        JmsTemplate otherInstance = new JmsTemplate(connectionFactory);
        otherInstance.setPubSubDomain(true);
        otherInstance.send(Endpoints.HUB_CONSENT_CHANGES, session -> session.createTextMessage(subject + "\n"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.isCached(subject));
        assertThat(cache.isCached(untouched)).isTrue();
    }
}
