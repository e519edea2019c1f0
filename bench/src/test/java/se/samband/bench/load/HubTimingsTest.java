package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubTimingsTest {

    private static String actuator(double count, double total, double max) {
        return "{\"name\":\"samband.pipeline.step\",\"baseUnit\":\"seconds\",\"measurements\":["
                + "{\"statistic\":\"COUNT\",\"value\":" + count + "},"
                + "{\"statistic\":\"TOTAL_TIME\",\"value\":" + total + "},"
                + "{\"statistic\":\"MAX\",\"value\":" + max + "}],\"availableTags\":[]}";
    }

    private static HubTimings reading(double notices, double secondsPerStep, double pauses, double pauseSeconds) {
        Map<String, HubTimings.Timer> steps = new LinkedHashMap<>();
        for (String step : HubTimings.STEPS) {
            steps.put(step, HubTimings.Timer.parse(actuator(notices, notices * secondsPerStep, 0.01)));
        }
        return new HubTimings(steps, HubTimings.Timer.parse(actuator(pauses, pauseSeconds, 0.067)));
    }

    @Test
    void readsTheActuatorsTimerAnswer() {
        HubTimings.Timer timer = HubTimings.Timer.parse(actuator(75720.0, 78.259726507, 0.265662494));

        assertThat(timer.count()).isEqualTo(75720.0);
        assertThat(timer.totalSeconds()).isEqualTo(78.259726507);
        assertThat(timer.maxSeconds()).isEqualTo(0.265662494);
        assertThat(HubTimings.Timer.parse("{\"name\":\"jvm.gc.pause\",\"measurements\":[]}"))
                .isEqualTo(HubTimings.Timer.NONE);
    }

    @Test
    void describesOnlyWhatHappenedBetweenTheTwoReadings() {
        HubTimings before = reading(1000, 0.010, 5, 0.5);     // 10 ms a step before the run
        HubTimings after = reading(3000, 0.004, 8, 0.62);     // 2,000 notices at 1 ms a step during it

        String line = after.since(before).describe();

        assertThat(line).startsWith("admit 1.00, verify 1.00, route 1.00, decide 1.00, plan 1.00, dispatch 1.00 ms "
                + "per notice (6.00 in the pipeline)");
        assertThat(line).endsWith("GC: 3 pauses, 120 ms in all, the longest recent 67 ms");
    }
}
