package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The ratio line: each hub run against the forwarder run after it, and the median of those pairs. */
class ResultTableTest {

    @Test
    void theRatioIsTheMedianOfTheRunPairsNotTheRatioOfTheMedians() {
        // The machine slows down through the invocation: each pair is 0.5, the medians' ratio is not.
        List<RunResult> hub = List.of(run(600), run(500), run(300));
        List<RunResult> plan = List.of(run(1_200), run(1_000), run(600));
        assertThat(ResultTable.pairRatios(hub, plan)).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-6));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable table = new ResultTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        table.print(hub, plan, plan, List.of(), new double[0]);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("(?m)^ratio: 0\\.50$");
        assertThat(printed).contains("ratio by run (each hub run against the forwarder run right after it): "
                + "0.50, 0.50, 0.50; the ratio of the medians: 0.50");
    }

    @Test
    void pairsFollowTheRunOrder() {
        List<RunResult> hub = List.of(run(300), run(900), run(600));
        List<RunResult> plan = List.of(run(1_000), run(1_000), run(3_000));
        assertThat(ResultTable.pairRatios(hub, plan)).containsExactly(new double[] {0.3, 0.9, 0.2}, within(1e-6));
        // The median pair is 0.3; the ratio of the medians would read 600 / 1,000 = 0.6.
        assertThat(ResultTable.median(ResultTable.pairRatios(hub, plan))).isCloseTo(0.3, within(1e-6));
    }

    /** A run of 1,000 notices at {@code perSecond}. */
    private static RunResult run(double perSecond) {
        long elapsed = Math.round(1_000 / perSecond * 1e9);
        return new RunResult(1_000, 1_000, 1_000, 0, 1_000, 0, elapsed, new Histogram(3), new LatencySplit(), 0,
                Double.NaN, Double.NaN, Double.NaN);
    }
}
