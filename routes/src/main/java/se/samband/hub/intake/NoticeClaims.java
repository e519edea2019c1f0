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
 * <p>A claim ends when its transaction commits or rolls back, and only its own holder can end it. One older than
 * {@link #LOST} is taken to be lost and may be taken over, with an ERROR line, so that a lost claim cannot keep a
 * notice out for good. The one known way to lose claims: the intake's listener container is stopped and its wait
 * for a listener task is interrupted (see {@code InboxListenerContainers}); a notice of such a transaction may then
 * use up its deliveries and be parked in the DLQ, from where an operator replays it. A transaction is open for
 * milliseconds while the intake runs; one left open longer (an intake route suspended between two notices) keeps
 * its claims for as long, and ten minutes keeps a takeover, and a duplicate, unlikely there.
 *
 * <p>Per instance: two hub instances on one broker do not see each other's claims.
 */
final class NoticeClaims {
    /** Older than this, a claim is taken to be lost. */
    static final Duration LOST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(NoticeClaims.class);

    private final ConcurrentHashMap<UUID, Claim> claims = new ConcurrentHashMap<>();
    private final Clock clock;

    NoticeClaims(Clock clock) {
        this.clock = clock;
    }

    /** Claims {@code noticeId} for the caller's transaction, or null if another transaction holds it. */
    Claim claim(UUID noticeId) {
        Instant now = clock.instant();
        Claim mine = new Claim(noticeId, now);
        Claim[] lost = new Claim[1];
        Claim held = claims.compute(noticeId, (id, current) -> {
            if (current == null) {
                return mine;
            }
            if (current.since.isBefore(now.minus(LOST))) {
                lost[0] = current;
                return mine;
            }
            return current;
        });
        if (lost[0] != null) {
            log.error("notice {}: a claim held since {} was taken to be lost and taken over", noticeId, lost[0].since);
        }
        return held == mine ? mine : null;
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

    /** Ends {@code claim}: its transaction has ended. A second call, or one after a takeover, changes nothing. */
    void release(Claim claim) {
        claims.remove(claim.noticeId, claim);
        claim.ended.countDown();
    }

    /** Ends the claim on {@code noticeId} that was {@link Claim#assign assigned} to {@code holder}, if any. */
    void release(UUID noticeId, Object holder) {
        Claim held = claims.get(noticeId);
        if (held != null && held.holder == holder) {
            release(held);
        }
    }

    /** Whether a transaction holds a claim on {@code noticeId}. */
    boolean held(UUID noticeId) {
        return claims.containsKey(noticeId);
    }

    /** A transaction's claim on one notice id. */
    static final class Claim {
        private final UUID noticeId;
        private final Instant since;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Object holder;

        private Claim(UUID noticeId, Instant since) {
            this.noticeId = noticeId;
            this.since = since;
        }

        /** From now on, {@link #release(UUID, Object)} with {@code holder} ends this claim. */
        void assign(Object holder) {
            this.holder = holder;
        }
    }
}
