package se.samband.hub.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice ids this hub instance is processing in a transaction that has not ended yet, across all its inbox
 * consumers and REST requests, so that two copies of one notice taken at the same moment are not both dispatched.
 * The replay checks cannot see such a copy: {@link RecentNoticeIds} and the handover store learn an id only after
 * the commit, and the recipient queue's duplicate detection compares a send with committed ids only.
 *
 * <p>A claim ends when its transaction commits or rolls back. One older than {@link #STALE} is taken to belong to
 * a transaction that ended without telling (a consumer closed with its session), and may be taken over, so that a
 * lost claim cannot keep a notice out for good. A transaction is open for milliseconds (at most a few notices), and
 * the broker's redeliveries of a notice span minutes, so neither comes near it.
 *
 * <p>Per instance: two hub instances on one broker do not see each other's claims.
 */
final class NoticeClaims {
    /** Older than this, a claim is taken to be lost. */
    static final Duration STALE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(NoticeClaims.class);

    private final ConcurrentHashMap<UUID, Claim> claims = new ConcurrentHashMap<>();
    private final Clock clock;

    NoticeClaims(Clock clock) {
        this.clock = clock;
    }

    /** Claims {@code noticeId} for the caller's transaction; false if another transaction holds it. */
    boolean claim(UUID noticeId) {
        Instant now = clock.instant();
        Claim mine = new Claim(now);
        Claim before = claims.get(noticeId);
        Claim held = claims.compute(noticeId, (id, current) ->
                current == null || current.since.isBefore(now.minus(STALE)) ? mine : current);
        if (held == mine && before != null && before != held) {
            log.warn("notice {}: a claim held since {} was taken over, its transaction never ended", noticeId,
                    before.since);
        }
        return held == mine;
    }

    /**
     * Waits up to {@code patience} for another transaction's claim on {@code noticeId} to end.
     *
     * @return whether no claim is held any more
     */
    boolean awaitEnd(UUID noticeId, Duration patience) throws InterruptedException {
        Claim held = claims.get(noticeId);
        return held == null || held.ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The transaction that claimed {@code noticeId} has ended. Only its holder calls this; after a takeover the
     * old holder may release the new claim early, which is no worse than the takeover itself.
     */
    void release(UUID noticeId) {
        Claim held = claims.remove(noticeId);
        if (held != null) {
            held.ended.countDown();
        }
    }

    /** Whether a transaction holds a claim on {@code noticeId}. */
    boolean held(UUID noticeId) {
        return claims.containsKey(noticeId);
    }

    private static final class Claim {
        final Instant since;
        final CountDownLatch ended = new CountDownLatch(1);

        Claim(Instant since) {
            this.since = since;
        }
    }
}
