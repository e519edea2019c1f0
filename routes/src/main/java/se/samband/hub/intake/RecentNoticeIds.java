package se.samband.hub.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The ids of notices this hub instance has dispatched lately, so that a resend is refused without a database
 * look-up. Bounded in count and time: beyond that the handover store answers. An id is added only after the
 * transaction that dispatched the notice has committed, so a redelivery after a rollback is not a replay.
 */
final class RecentNoticeIds {
    static final long DEFAULT_MAX_IDS = 100_000;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final Cache<UUID, Boolean> ids;

    RecentNoticeIds(long maxIds, Duration window, Clock clock) {
        this.ids = Caffeine.newBuilder()
                .maximumSize(maxIds)
                .expireAfterWrite(window)
                .ticker(ticker(clock))
                .build();
    }

    boolean contains(UUID noticeId) {
        return ids.getIfPresent(noticeId) != null;
    }

    void add(UUID noticeId) {
        ids.put(noticeId, Boolean.TRUE);
    }

    /** Caffeine counts in nanoseconds; the hub's clock (fixed in tests) decides when an id is forgotten. */
    private static Ticker ticker(Clock clock) {
        return () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
