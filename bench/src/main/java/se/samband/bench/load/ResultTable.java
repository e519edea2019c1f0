package se.samband.bench.load;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Prints each run as it ends and the summary table (median and min–max of the runs), and keeps the accounting. */
final class ResultTable {
    private final PrintStream out;
    private boolean allAccounted = true;
    private int notices;
    private int copies;

    ResultTable(PrintStream out) {
        this.out = out;
    }

    /** Prints one run's line and notes whether every notice was delivered exactly once. */
    RunResult check(String label, RunResult result) {
        boolean ok = result.accounted();
        allAccounted &= ok;
        notices += result.notices();
        copies += result.copies();
        out.printf(Locale.ROOT, "  %-22s %8.0f notices/s  p50 %7.2f ms  p99 %7.2f ms  copies %d/%d  "
                        + "duplicates %d  receipts %d  unexpected %d  %s%n",
                label, result.throughput(), result.latencyMillis(50), result.latencyMillis(99), result.copies(),
                result.expectedCopies(), result.duplicateCopies(), result.receipts(), result.unexpected(),
                ok ? "OK" : "NOT ACCOUNTED");
        return result;
    }

    boolean allAccounted() {
        return allAccounted;
    }

    void print(List<RunResult> hub, List<RunResult> plan, List<RunResult> raw, List<List<RunResult>> curve,
               double[] levels) {
        out.println();
        out.println("| scenario | notices/s median (min-max) | p50 ms | p99 ms | p99.9 ms | hub CPU cores "
                + "| hub CPU ms/notice | hub heap MiB |");
        out.println("|---|---|---|---|---|---|---|---|");
        row("hub (verify, route, decide, dispatch)", hub);
        row("baseline: forwarder, consume 1 -> hub's plan, commit", plan);
        row("reference: raw forwarder, consume 1 -> 1, commit", raw);
        for (int i = 0; i < curve.size(); i++) {
            row(String.format(Locale.ROOT, "hub at %.0f %% of its maximum (offered)", levels[i] * 100), curve.get(i));
        }
        out.println();
        if (!hub.isEmpty() && hub.size() == plan.size()) {
            double[] pairs = pairRatios(hub, plan);
            out.printf(Locale.ROOT, "ratio: %.2f%n", median(pairs));
            out.printf(Locale.ROOT, "ratio by run (each hub run against the forwarder run right after it): %s; "
                    + "the ratio of the medians: %.2f%n", Arrays.stream(pairs)
                    .mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", ")),
                    median(hub, RunResult::throughput) / median(plan, RunResult::throughput));
            out.printf(Locale.ROOT, "hub vs raw one-to-one forwarding: %.2f%n",
                    median(hub, RunResult::throughput) / median(raw, RunResult::throughput));
        } else {
            out.println("ratio: n/a (baseline not run)");
        }
        out.printf(Locale.ROOT, "accounting: %d notices sent, %d recipient copies received, %s%n", notices, copies,
                allAccounted ? "every notice delivered exactly once" : "SOME NOTICES MISSING, DUPLICATED OR REFUSED");
    }

    /**
     * Hub run i's throughput over forwarder run i's. The bench runs each pair back to back, minutes apart at most,
     * while the machine's speed drifts by more than that between the first and the last run of an invocation.
     */
    static double[] pairRatios(List<RunResult> hub, List<RunResult> plan) {
        double[] ratios = new double[hub.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = hub.get(i).throughput() / plan.get(i).throughput();
        }
        return ratios;
    }

    private void row(String label, List<RunResult> runs) {
        if (runs.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "| %s | %.0f (%.0f-%.0f) | %.2f | %.2f | %.2f | %s | %s | %s |%n", label,
                median(runs, RunResult::throughput), min(runs, RunResult::throughput), max(runs, RunResult::throughput),
                median(runs, r -> r.latencyMillis(50)), median(runs, r -> r.latencyMillis(99)),
                median(runs, r -> r.latencyMillis(99.9)), figure(median(runs, RunResult::hubCpuCores), "%.2f"),
                figure(median(runs, RunResult::hubCpuMillisPerNotice), "%.1f"),
                figure(median(runs, RunResult::hubHeapMiB), "%.0f"));
    }

    private static String figure(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return median(runs.stream().mapToDouble(figure).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return runs.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return runs.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }
}
