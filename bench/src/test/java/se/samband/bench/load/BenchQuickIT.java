package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samband bench --quick} against the packaged hub (built by the reactor before this module), with fewer
 * notices to keep the build short. Not a timed test: it checks that the run ends, prints the table and the ratio,
 * and accounts for every notice it sent: each one reached its recipient exactly once, in the hub and in both
 * baseline scenarios.
 */
class BenchQuickIT {
    private static final Path HUB_JAR = Path.of("..", "routes", "target", "samband-hub.jar");
    private static final int NOTICES = 600;
    private static final int WARMUP = 100;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void quickRunAccountsForEveryNoticeAndPrintsTheTableWithTheRatio() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options = BenchOptions.parse("--quick", "--notices=" + NOTICES, "--warmup=" + WARMUP,
                "--hub-jar=" + HUB_JAR, "--hub-heap=512m", "--work-dir=" + work);
        boolean accounted;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            accounted = new BenchMain(options, out).run();
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(accounted).as(output).isTrue();
        assertThat(output).contains("| hub (verify, route, decide, dispatch) |",
                "| baseline: forwarder, consume 1 -> hub's plan, commit |",
                "| reference: raw forwarder, consume 1 -> 1, commit |");
        assertThat(output).containsPattern(Pattern.compile("(?m)^ratio: \\d+\\.\\d\\d$"));
        assertThat(output).containsPattern("(?m)^ratio by run \\(each hub run against the forwarder run right after "
                + "it\\): \\d+\\.\\d\\d; the ratio of the medians: \\d+\\.\\d\\d$");
        // The forwarders run right after the hub run, with the hub still up and idle.
        assertThat(output).containsPattern("(?m)^    the idle hub meanwhile: \\d+\\.\\d\\d cores$");
        // The hub runs with the collector the launcher gives it where this JVM has it (HubCollectorTest), and each
        // broker says its journal type (the hub's from its health; NIO, the default, here).
        assertThat(output).containsPattern("(?m)^hub started in \\d+\\.\\d s, JVM options "
                + (HubUnderTest.shenandoahAvailable() ? "-XX:\\+UseShenandoahGC" : "none") + ", journal NIO, log ");
        assertThat(output).containsPattern("(?m)^baseline broker journal NIO$");
        // The disk the brokers write to, before anything runs.
        assertThat(output).containsPattern("(?m)^(WARNING: )?disk of the work dir: \\d+\\.\\d GB free of ");
        // The measured hub run's time in the pipeline, read from the hub's own timers.
        Matcher pipeline = Pattern.compile("(?m)^    hub: admit \\d+\\.\\d\\d, .* ms per notice "
                + "\\((\\d+\\.\\d\\d) in the pipeline\\); GC: \\d+ pauses").matcher(output);
        assertThat(pipeline.find()).as(output).isTrue();
        assertThat(Double.parseDouble(pipeline.group(1))).isPositive();
        // The measured run's notices were committed by the intake, several per transaction where they queued.
        Matcher intake = Pattern.compile("(?m)^    intake: ([\\d,]+) notices in ([\\d,]+) transactions "
                + "\\((\\d+\\.\\d) per transaction\\)$").matcher(output);
        assertThat(intake.find()).as(output).isTrue();
        assertThat(Integer.parseInt(intake.group(1).replace(",", ""))).as("notices").isEqualTo(NOTICES);
        assertThat(Integer.parseInt(intake.group(2).replace(",", ""))).as("transactions").isBetween(1, NOTICES);
        // Every audited notice's entries are counted with the database transactions that appended them.
        Matcher audit = Pattern.compile("(?m)^    audit writer: .*; ([\\d,]+) entries in ([\\d,]+) database "
                + "transactions").matcher(output);
        assertThat(audit.find()).as(output).isTrue();
        assertThat(Integer.parseInt(audit.group(1).replace(",", ""))).as("entries").isGreaterThanOrEqualTo(WARMUP);
        assertThat(Integer.parseInt(audit.group(2).replace(",", ""))).as("transactions").isPositive();
        // Where the hub's CPU went, by thread, read from Linux's /proc (CI runs on Linux): the intake worked.
        Matcher byThread = Pattern.compile("(?m)^    hub CPU by thread: intake (\\d+\\.\\d\\d), broker "
                + "(\\d+\\.\\d\\d), audit writer (\\d+\\.\\d\\d), JIT compiler .* ms per notice$").matcher(output);
        assertThat(byThread.find()).as(output).isTrue();
        assertThat(Double.parseDouble(byThread.group(1))).as("intake").isPositive();
        assertThat(Double.parseDouble(byThread.group(2))).as("broker").isPositive();
        assertThat(Double.parseDouble(byThread.group(3))).as("audit writer").isPositive();
        // The slowest copies' latency in its parts, and the bench JVM's own pauses, for each of the three runs.
        Matcher split = Pattern.compile("(?m)^    slowest 1 % \\((\\d+) cop(y|ies), mean (\\d+\\.\\d) ms\\): "
                + "submit -?\\d+\\.\\d, until forwarded -?\\d+\\.\\d, commit and delivery -?\\d+\\.\\d ms; "
                + "all copies: ").matcher(output);
        assertThat(split.find()).as(output).isTrue();
        assertThat(Integer.parseInt(split.group(1))).as("1 % of the hub run's copies").isEqualTo(NOTICES / 100);
        assertThat(Double.parseDouble(split.group(3))).isPositive();
        assertThat(Pattern.compile("(?m)^    bench JVM: GC \\d+ pauses?, \\d+ ms in all, the longest \\d+ ms$")
                .matcher(output).results().count()).isEqualTo(3);
        // Warm-up and one measured run per scenario: hub, forwarder with the hub's plan, raw forwarder.
        int sent = 2 * WARMUP + 3 * NOTICES;
        Matcher accounting = Pattern.compile("accounting: (\\d+) notices sent, (\\d+) recipient copies received, "
                + "every notice delivered exactly once").matcher(output);
        assertThat(accounting.find()).as(output).isTrue();
        assertThat(Integer.parseInt(accounting.group(1))).isEqualTo(sent);
        assertThat(Integer.parseInt(accounting.group(2))).isEqualTo(sent);
        assertThat(output).doesNotContain("NOT ACCOUNTED");
    }
}
