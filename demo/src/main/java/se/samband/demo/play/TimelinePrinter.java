package se.samband.demo.play;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Prints a scenario's timeline and the closing summary for a person at a terminal: who sent what to whom, on which
 * basis, and what became of it, with the time since the scenario started. Names of agencies and codes only.
 */
public final class TimelinePrinter {
    private static final String LINE = "   %-7s %-25s %-25s %-28s %-36s %s%n";
    private static final String RULE = "─".repeat(118);
    private static final String SUMMARY = "   %-3s %-30s %8s %10s %6s %7s %9s %10s   %s%n";

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
        out.printf(Locale.ROOT, LINE, "time", "from", "to", "notice / action", "basis", "outcome");
        for (TimelineEntry entry : result.timeline()) {
            out.printf(Locale.ROOT, LINE, offset(entry.at()), cut(entry.from(), 25), cut(entry.to(), 25),
                    cut(entry.what(), 28), cut(entry.basis(), 36),
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
        out.printf(Locale.ROOT, SUMMARY, "#", "scenario", "notices", "handovers", "held", "denied", "accepted",
                "escalated", "as DOMAIN.md says");
        int passed = 0;
        int checks = 0;
        for (ScenarioResult result : results) {
            long passedChecks = result.checks().stream().filter(Check::passed).count();
            checks += result.checks().size();
            if (result.passed()) {
                passed++;
            }
            out.printf(Locale.ROOT, SUMMARY, result.scenario().number(), cut(result.scenario().title(), 30),
                    result.notices().size(), result.handovers(), result.handoversEver("HELD"),
                    result.handoversEver("DENIED"), result.handoversEver("ACCEPTED"),
                    result.handoversEver("ESCALATED"),
                    (result.passed() ? "✓ " : "✗ ") + passedChecks + " of " + result.checks().size()
                            + (result.failure().isPresent() ? ", stopped" : ""));
        }
        out.println();
        out.println("   A handover is one notice to one recipient; held, denied, accepted and escalated count the "
                + "handovers that were so at some point.");
        out.println("   " + passed + " of " + results.size() + " scenarios played as DOMAIN.md describes ("
                + checks + " outcomes checked through the connectors' APIs) in " + offset(took).substring(1) + ".");
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
