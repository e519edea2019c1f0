package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void quickRunIsOneShortRunWithoutTheLoadCurve() {
        BenchOptions quick = BenchOptions.parse("--quick");
        BenchOptions full = BenchOptions.parse();

        assertThat(quick.runs()).isEqualTo(1);
        assertThat(quick.loadCurve()).isFalse();
        assertThat(full.runs()).isGreaterThanOrEqualTo(3);
        assertThat(full.loadCurve()).isTrue();
        assertThat(full.notices()).isGreaterThan(quick.notices());
    }

    @Test
    void onlyTheFullRunWarmsUpUntilTheCompilerIsQuiet() {
        assertThat(BenchOptions.parse("--quick").warmupMax()).isEqualTo(BenchOptions.parse("--quick").warmup());
        assertThat(BenchOptions.parse().warmupMax()).isEqualTo(60_000);
        // A first warm-up larger than the limit is still sent whole; the limit never shortens it.
        assertThat(BenchOptions.parse("--warmup=80000").warmupMax()).isEqualTo(80_000);
        assertThat(BenchOptions.parse("--quick", "--warmup-max=900").warmupMax()).isEqualTo(900);
    }

    @Test
    void warmsUpAgainOnlyWhileTheCompilerIsBusyAndTheLimitAllowsARound() {
        assertThat(BenchMain.warmUpAgain(0.30, 20_000, 5_000, 60_000)).isTrue();
        assertThat(BenchMain.warmUpAgain(0.05, 20_000, 5_000, 60_000)).as("compiler quiet").isFalse();
        assertThat(BenchMain.warmUpAgain(0.30, 60_000, 5_000, 60_000)).as("limit reached").isFalse();
        assertThat(BenchMain.warmUpAgain(0.30, 300, 300, 300)).as("--quick").isFalse();
    }

    @Test
    void laterOptionWinsSoTheLauncherDefaultCanBeOverridden() {
        BenchOptions options = BenchOptions.parse("--hub-jar=a.jar", "--quick", "--hub-jar=b.jar", "--notices=10");

        assertThat(options.hubJar()).hasToString("b.jar");
        assertThat(options.notices()).isEqualTo(10);
    }

    @Test
    void consentCacheMissIsTheDefaultAndHitCanBeAsked() {
        assertThat(BenchOptions.parse("--quick").consentCacheHit()).isFalse();
        assertThat(BenchOptions.parse("--consent-cache=hit").consentCacheHit()).isTrue();
        assertThat(BenchOptions.parse("--consent-cache=hit", "--consent-cache=miss").consentCacheHit()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("--consent-cache=sometimes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hit or miss");
    }

    @Test
    void refusesUnknownOptionsAndARunningHubWithoutItsPki() {
        assertThatThrownBy(() -> BenchOptions.parse("--quick", "--fast=yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchOptions.parse("--hub-tls-port=61617"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--hub-pki");
        assertThatThrownBy(() -> BenchOptions.parse("--senders=7"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSustainedRunNeedsARateToOffer() {
        assertThat(BenchOptions.parse("--rate=400", "--sustain-seconds=600").sustainSeconds()).isEqualTo(600);
        assertThat(BenchOptions.parse().sustainSeconds()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse("--sustain-seconds=600"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
    }

    @Test
    void bothBrokersGetOneJournalTypeNioUnlessAsyncioIsAsked() {
        assertThat(BenchOptions.parse("--quick").journalType()).isEqualTo("NIO");
        assertThat(BenchOptions.parse("--journal-type=ASYNCIO").journalType()).isEqualTo("ASYNCIO");
        assertThatThrownBy(() -> BenchOptions.parse("--journal-type=MAPPED"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NIO or ASYNCIO");
        assertThatThrownBy(() -> BenchOptions.parse("--hub-setting=--samband.broker.journal-type=ASYNCIO"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--journal-type");
    }
}
