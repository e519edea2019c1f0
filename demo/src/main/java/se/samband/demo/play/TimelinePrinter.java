package se.samband.demo.play;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a scenario's timeline and the closing summary for a person at a terminal: who sent what to whom, on which
 * basis, and what became of it, with the time since the scenario started. Names of agencies and codes only.
 */
public final class TimelinePrinter {
    private static final String RULE = "─".repeat(118);
    private static final List<String> SUMMARY_OUTCOMES = List.of("DELIVERED", "ACCEPTED", "HELD", "DENIED",
            "ESCALATED");

    private final PrintStream out;

    public TimelinePrinter(PrintStream out) {
        this.out = out;
    }

    public void print(ScenarioResult result) {
        Scenario scenario = result.scenario();
        out.println();
        out.println("── Scenario " + scenario.number() + " · " + scenario.title() + " "
                + "─".repeat(Math.max(3, 104 - scenario.title().length())));
        out.println("   " + scenario.story());
        out.println();
        out.printf(Locale.ROOT, "   %-8s %-26s %-26s %-29s %-24s %s%n", "time", "from", "to", "notice / action",
                "basis", "outcome");
        for (TimelineEntry entry : result.timeline()) {
            out.printf(Locale.ROOT, "   %-8s %-26s %-26s %-29s %-24s %s%n", offset(entry.at()), cut(entry.from(), 26),
                    cut(entry.to(), 26), cut(entry.what(), 29), cut(entry.basis(), 24),
                    entry.outcome() + (entry.note().isEmpty() ? "" : "  (" + entry.note() + ")"));
        }
        out.println();
        for (Check check : result.checks()) {
            out.println("   " + (check.passed() ? "✓ " : "✗ ") + check.what() + ": " + check.actual()
                    + (check.passed() ? "" : " (DOMAIN.md: " + check.expected() + ")"));
        }
        result.failure().ifPresent(failure -> out.println("   ✗ the scenario stopped: " + failure));
    }

    public void printSummary(List<ScenarioResult> results, Duration took) {
        out.println();
        out.println("── Summary " + RULE.substring(11));
        out.printf(Locale.ROOT, "   %-3s %-34s %8s %10s %9s %5s %7s %10s   %s%n", "#", "scenario", "notices",
                "delivered", "accepted", "held", "denied", "escalated", "as DOMAIN.md says");
        int passed = 0;
        int checks = 0;
        for (ScenarioResult result : results) {
            Map<String, Long> counts = result.outcomeCounts();
            long passedChecks = result.checks().stream().filter(Check::passed).count();
            checks += result.checks().size();
            if (result.passed()) {
                passed++;
            }
            out.printf(Locale.ROOT, "   %-3d %-34s %8d %10d %9d %5d %7d %10d   %s%n", result.scenario().number(),
                    cut(result.scenario().title(), 34), result.notices().size(),
                    counts.getOrDefault(SUMMARY_OUTCOMES.get(0), 0L), counts.getOrDefault("ACCEPTED", 0L),
                    counts.getOrDefault("HELD", 0L), counts.getOrDefault("DENIED", 0L),
                    counts.getOrDefault("ESCALATED", 0L),
                    (result.passed() ? "✓ " : "✗ ") + passedChecks + "/" + result.checks().size() + " outcomes");
        }
        out.println();
        out.println("   The counts are each recipient's final outcome (a notice delivered and then accepted counts as "
                + "accepted).");
        out.println("   " + passed + " of " + results.size() + " scenarios played as DOMAIN.md describes ("
                + checks + " outcomes checked through the connectors) in " + offset(took) + ".");
    }

    static String offset(Duration at) {
        long millis = at.toMillis();
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "+%dm%02ds", millis / 60_000, (millis / 1000) % 60);
        }
        return String.format(Locale.ROOT, "+%.1fs", millis / 1000.0);
    }

    private static String cut(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 1) + "…";
    }
}
