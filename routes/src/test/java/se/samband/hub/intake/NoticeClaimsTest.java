package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.hub.pipeline.PipelineFixture.NOW;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.samband.hub.pipeline.MutableClock;

/** Claims on notice ids across transactions: held until released, waited for, and taken over when lost. */
class NoticeClaimsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final NoticeClaims claims = new NoticeClaims(clock);
    private final UUID noticeId = UUID.randomUUID();

    @Test
    void aClaimIsHeldByOneTransactionUntilItIsReleased() {
        assertThat(claims.claim(noticeId)).isTrue();
        assertThat(claims.claim(noticeId)).as("a second transaction").isFalse();
        assertThat(claims.claim(UUID.randomUUID())).as("another notice").isTrue();
        assertThat(claims.held(noticeId)).isTrue();

        claims.release(noticeId);

        assertThat(claims.held(noticeId)).isFalse();
        assertThat(claims.claim(noticeId)).isTrue();
    }

    @Test
    void aWaiterGoesOnWhenTheClaimIsReleasedAndNotBefore() throws Exception {
        claims.claim(noticeId);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return claims.awaitEnd(noticeId, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(claims.awaitEnd(noticeId, Duration.ofMillis(50))).as("not released within the patience").isFalse();
        assertThat(waiter).isNotDone();
        claims.release(noticeId);

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(claims.awaitEnd(noticeId, Duration.ofMillis(1))).as("nothing held").isTrue();
    }

    @Test
    void aClaimOlderThanTheStaleLimitIsTakenOver() {
        claims.claim(noticeId);

        clock.advance(NoticeClaims.STALE);
        assertThat(claims.claim(noticeId)).as("at the limit").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(claims.claim(noticeId)).as("past it").isTrue();
        assertThat(claims.claim(noticeId)).as("the new claim is fresh").isFalse();
    }
}
