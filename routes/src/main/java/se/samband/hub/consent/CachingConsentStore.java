package se.samband.hub.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/**
 * The decision step's view of the registry: {@link JdbcConsentStore} behind an in-memory cache keyed by
 * pseudonym, bounded, with a short time to live as a backstop for a missed change message. A change is
 * announced on the topic {@code samband.hub.consent-changes} and every hub instance calls {@link #evict}.
 *
 * <p>A load that raced with a change must not put the old records back after the eviction: every eviction
 * advances a generation counter before it removes entries, and a load that sees the counter moved while it
 * read the database removes what it has just put. Either the eviction comes after the put (and removes it) or
 * the loader sees the new generation (and removes it itself).
 */
public class CachingConsentStore implements ConsentStore {
    private final JdbcConsentStore database;
    private final Cache<String, SubjectRecords> cache;
    private final AtomicLong generation = new AtomicLong();

    public CachingConsentStore(JdbcConsentStore database, long maxSubjects, Duration timeToLive) {
        this.database = database;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSubjects)
                .expireAfterWrite(timeToLive)
                .build();
    }

    @Override
    public List<ConsentRecord> consentsFor(Collection<String> pseudonyms) {
        return recordsFor(pseudonyms).consents();
    }

    @Override
    public List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms) {
        return recordsFor(pseudonyms).riskFlags();
    }

    @Override
    public SubjectRecords recordsFor(Collection<String> pseudonyms) {
        Set<String> subjects = new LinkedHashSet<>(pseudonyms);
        Map<String, SubjectRecords> found = new HashMap<>(cache.getAllPresent(subjects));
        if (found.size() < subjects.size()) {
            Set<String> missing = new LinkedHashSet<>(subjects);
            missing.removeAll(found.keySet());
            found.putAll(load(missing));
        }
        if (found.size() == 1) {
            return found.values().iterator().next();
        }
        List<ConsentRecord> consents = new ArrayList<>();
        List<RiskFlag> flags = new ArrayList<>();
        for (SubjectRecords records : found.values()) {
            consents.addAll(records.consents());
            flags.addAll(records.riskFlags());
        }
        return new SubjectRecords(consents, flags);
    }

    /** Drops what is cached for a pseudonym; the next decision about the person reads the database. */
    public void evict(String pseudonym) {
        generation.incrementAndGet();
        cache.invalidate(pseudonym);
    }

    public void evictAll(Collection<String> pseudonyms) {
        generation.incrementAndGet();
        cache.invalidateAll(pseudonyms);
    }

    /** Drops everything, e.g. when change messages may have been missed. */
    public void evictAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** For tests and metrics: whether a pseudonym's records are cached now. */
    public boolean isCached(String pseudonym) {
        return cache.getIfPresent(pseudonym) != null;
    }

    private Map<String, SubjectRecords> load(Set<String> missing) {
        long before = generation.get();
        Map<String, SubjectRecords> loaded = database.loadBySubject(missing);
        cache.putAll(loaded);
        if (generation.get() != before) {
            // A change may have been committed while we read: do not keep what may be the old state.
            cache.invalidateAll(loaded.keySet());
        }
        return loaded;
    }
}
