package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.hub.pipeline.PipelineFixture.NOW;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.samband.hub.pipeline.MutableClock;

/** Claims on notice ids across transactions: held until their holder ends them, waited for, taken over if lost. */
class NoticeClaimsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final NoticeClaims claims = new NoticeClaims(clock);
    private final UUID noticeId = UUID.randomUUID();

    @Test
    void aClaimIsHeldByOneTransactionUntilItIsReleased() {
        NoticeClaims.Claim first = claims.claim(noticeId);

        assertThat(first).isNotNull();
        assertThat(claims.claim(noticeId)).as("a second transaction").isNull();
        assertThat(claims.claim(UUID.randomUUID())).as("another notice").isNotNull();
        assertThat(claims.held(noticeId)).isTrue();
        claims.release(first);

        assertThat(claims.held(noticeId)).isFalse();
        assertThat(claims.claim(noticeId)).isNotNull();
    }

    @Test
    void onlyTheHolderAClaimWasAssignedToEndsItByNoticeId() {
        Object plan = new Object();
        claims.claim(noticeId).assign(plan);

        claims.release(noticeId, new Object());
        assertThat(claims.held(noticeId)).isTrue();
        claims.release(noticeId, plan);

        assertThat(claims.held(noticeId)).isFalse();
    }

    @Test
    void aWaiterGoesOnWhenTheClaimIsReleasedAndNotBefore() throws Exception {
        NoticeClaims.Claim held = claims.claim(noticeId);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return claims.awaitEnd(noticeId, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(claims.awaitEnd(noticeId, Duration.ofMillis(50))).as("not released within the patience").isFalse();
        assertThat(waiter).isNotDone();
        claims.release(held);

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(claims.awaitEnd(noticeId, Duration.ofMillis(1))).as("nothing held").isTrue();
    }

    @Test
    void aClaimOlderThanTheLostLimitIsTakenOverAndItsOldHolderCannotEndTheNewOne() {
        NoticeClaims.Claim old = claims.claim(noticeId);

        clock.advance(NoticeClaims.LOST);
        assertThat(claims.claim(noticeId)).as("at the limit").isNull();
        clock.advance(Duration.ofMillis(1));
        NoticeClaims.Claim taken = claims.claim(noticeId);
        assertThat(taken).as("past it").isNotNull();
        claims.release(old);

        assertThat(claims.held(noticeId)).as("still the new holder's").isTrue();
        assertThat(claims.claim(noticeId)).isNull();
        claims.release(taken);
        assertThat(claims.held(noticeId)).isFalse();
    }
}
