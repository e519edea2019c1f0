package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogTest {

    @Test
    void aFlatBacklogIsSteadyAndAGrowingOneIsNot() {
        Backlog flat = new Backlog();
        Backlog growing = new Backlog();
        for (int second = 0; second < 240; second++) {
            flat.sample(400L * second, 400L * second, 400L * second - 20 - second % 7);
            growing.sample(400L * second, 400L * second, 400L * second - 20 - second * 5);
        }

        assertThat(flat.steady(240, 400)).isTrue();
        assertThat(growing.steady(240, 400)).isFalse();
        assertThat(growing.max()).isEqualTo(20 + 239 * 5);
        assertThat(flat.mean(0, 7)).isEqualTo(23.0);
    }

    @Test
    void aBriefPauseWithinATenthOfASecondOfLoadIsNoGrowth() {
        Backlog backlog = new Backlog();
        for (int second = 0; second < 120; second++) {
            backlog.sample(400L * second, 400L * second, 400L * second - (second >= 100 && second < 110 ? 60 : 10));
        }

        assertThat(backlog.steady(120, 400)).isTrue();
        assertThat(backlog.mean(200, 260)).isNaN();
    }

    @Test
    void sendersFallingBehindTheirScheduleAreGrowthThoughTheQueueStaysFlat() {
        Backlog backlog = new Backlog();
        for (int second = 0; second < 240; second++) {
            long sent = 300L * second;    // offered 400/s, taken 300/s: the sends block
            backlog.sample(400L * second, sent, sent - 10);
        }

        assertThat(backlog.steady(240, 400)).isFalse();
        assertThat(backlog.notSentMean(180, 240)).isEqualTo(100.0 * 209.5);
        assertThat(backlog.mean(180, 240)).isEqualTo(100.0 * 209.5 + 10);
    }

    @Test
    void copiesFallDueAtTheOfferedRateFromTheFirstAtTheStart() {
        assertThat(Backlog.copiesDue(0, 400, 1, 1_000)).isEqualTo(1);
        assertThat(Backlog.copiesDue(1_000_000_000L, 400, 3, 10_000)).isEqualTo(401 * 3);
        assertThat(Backlog.copiesDue(60_000_000_000L, 400, 1, 1_000)).as("no more than the run has").isEqualTo(1_000);
    }
}
