package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogTest {

    @Test
    void aFlatBacklogIsSteadyAndAGrowingOneIsNot() {
        Backlog flat = new Backlog();
        Backlog growing = new Backlog();
        for (int second = 0; second < 240; second++) {
            flat.sample(20 + second % 7);
            growing.sample(20 + second * 5);
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
            backlog.sample(second >= 100 && second < 110 ? 60 : 10);
        }

        assertThat(backlog.steady(120, 400)).isTrue();
        assertThat(backlog.mean(200, 260)).isNaN();
    }
}
