package se.samband.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a run's end-to-end latency went inside the hub, from two readings of its Micrometer timers: the pipeline's
 * steps ({@code samband.pipeline.step}, per notice) and the garbage collector's pauses ({@code jvm.gc.pause}). What
 * the steps do not cover is the broker: the sender's send, the commit's journal sync and the delivery to the
 * recipient.
 */
record HubTimings(Map<String, Timer> steps, Timer gcPauses) {
    /** The pipeline's steps in their order (routes/README.md "Metrics"). */
    static final List<String> STEPS = List.of("admit", "verify", "route", "decide", "plan", "dispatch");
    private static final Pattern STATISTIC = Pattern.compile(
            "\"statistic\"\\s*:\\s*\"(COUNT|TOTAL_TIME|MAX)\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    /** One timer's count and total (seconds) so far, and its maximum (seconds) over Micrometer's recent window. */
    record Timer(double count, double totalSeconds, double maxSeconds) {
        static final Timer NONE = new Timer(0, 0, 0);

        /** Reads Spring Boot's {@code /actuator/metrics/<name>} answer; a timer not yet used reads as NONE. */
        static Timer parse(String actuatorJson) {
            double count = 0;
            double total = 0;
            double max = 0;
            Matcher statistic = STATISTIC.matcher(actuatorJson);
            while (statistic.find()) {
                double value = Double.parseDouble(statistic.group(2));
                switch (statistic.group(1)) {
                    case "COUNT" -> count = value;
                    case "TOTAL_TIME" -> total = value;
                    default -> max = value;
                }
            }
            return new Timer(count, total, max);
        }

        Timer since(Timer before) {
            return new Timer(count - before.count, totalSeconds - before.totalSeconds, maxSeconds);
        }
    }

    /** What happened between {@code before} and this reading. */
    HubTimings since(HubTimings before) {
        Map<String, Timer> delta = new LinkedHashMap<>();
        steps.forEach((step, timer) -> delta.put(step, timer.since(before.steps.getOrDefault(step, Timer.NONE))));
        return new HubTimings(delta, gcPauses.since(before.gcPauses));
    }

    /**
     * e.g. "admit 0.26, verify 0.24, ... ms per notice (1.82 in the pipeline); GC: 12 pauses, 340 ms in all, the
     * longest recent 67 ms" (Micrometer keeps a timer's maximum for about two minutes).
     */
    String describe() {
        StringBuilder line = new StringBuilder();
        double sum = 0;
        for (String step : STEPS) {
            Timer timer = steps.getOrDefault(step, Timer.NONE);
            double millis = timer.count > 0 ? timer.totalSeconds * 1000 / timer.count : 0;
            sum += millis;
            line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", step, millis));
        }
        line.append(String.format(Locale.ROOT, " ms per notice (%.2f in the pipeline); GC: %.0f pauses, %.0f ms in "
                + "all, the longest recent %.0f ms", sum, gcPauses.count, gcPauses.totalSeconds * 1000,
                gcPauses.maxSeconds * 1000));
        return line.toString();
    }
}
