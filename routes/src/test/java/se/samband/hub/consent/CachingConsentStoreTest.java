package se.samband.hub.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.hub.consent.ConsentFixtures.consent;
import static se.samband.hub.consent.ConsentFixtures.newSubject;
import static se.samband.hub.consent.ConsentFixtures.withdrawn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samband.security.consent.ConsentRecord;

/** The cache's own rules, with a registry in memory standing in for the tables (those are tested elsewhere). */
class CachingConsentStoreTest {
    private final Registry registry = new Registry();
    private final CachingConsentStore cache = new CachingConsentStore(registry, 1_000, Duration.ofMinutes(1));

    @Test
    void readsEachSubjectOnceUntilItIsEvicted() {
        String subject = newSubject();
        String other = newSubject();
        ConsentRecord v1 = consent(subject, "c-1", 1);
        registry.put(subject, v1);

        assertThat(cache.consentsFor(List.of(subject, other))).containsExactly(v1);
        assertThat(cache.consentsFor(List.of(subject))).containsExactly(v1);
        assertThat(cache.consentsFor(List.of(other))).isEmpty();
        assertThat(registry.loads).containsExactly(List.of(subject, other));

        registry.put(subject, withdrawn(v1));
        cache.evict(subject);

        assertThat(cache.consentsFor(List.of(subject, other))).containsExactlyInAnyOrder(v1, withdrawn(v1));
        assertThat(registry.loads).hasSize(2).last().isEqualTo(List.of(subject));
    }

    @Test
    void doesNotKeepWhatItReadWhileAChangeWasAnnounced() {
        String subject = newSubject();
        ConsentRecord v1 = consent(subject, "c-2", 1);
        registry.put(subject, v1);
        // The change commits and is announced while the cache is still reading the old state.
        registry.duringNextLoad = () -> {
            registry.put(subject, withdrawn(v1));
            cache.evict(subject);
        };

        assertThat(cache.consentsFor(List.of(subject))).as("this read may see either state").isNotEmpty();

        assertThat(cache.isCached(subject)).isFalse();
        assertThat(cache.consentsFor(List.of(subject))).containsExactlyInAnyOrder(v1, withdrawn(v1));
    }

    /** Answers from memory and records what it was asked; can run a step in the middle of a load. */
    private static final class Registry extends JdbcConsentStore {
        final Map<String, List<ConsentRecord>> consents = new HashMap<>();
        final List<List<String>> loads = new ArrayList<>();
        Runnable duringNextLoad;

        Registry() {
            super(null);
        }

        void put(String subject, ConsentRecord consent) {
            consents.computeIfAbsent(subject, k -> new ArrayList<>()).add(consent);
        }

        @Override
        public Map<String, SubjectRecords> loadBySubject(Collection<String> pseudonyms) {
            loads.add(List.copyOf(pseudonyms));
            Map<String, SubjectRecords> result = new HashMap<>();
            for (String subject : pseudonyms) {
                result.put(subject, new SubjectRecords(List.copyOf(consents.getOrDefault(subject, List.of())),
                        List.of()));
            }
            if (duringNextLoad != null) {
                Runnable step = duringNextLoad;
                duringNextLoad = null;
                step.run();
            }
            return result;
        }
    }
}
