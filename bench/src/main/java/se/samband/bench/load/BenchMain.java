package se.samband.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code samband bench}: the hub under load and, after each of its runs, the bare forwarder baseline on an equivalent
 * broker with the same notices; one table.
 * Prints to standard output on purpose: the table is the command's result.
 */
public final class BenchMain {
    /**
     * Body bytes of one hub audit event about a bench notice: AuditEventCodec JSON of a permit on the duty to report
     * a child concern with the notice's two subject pseudonyms, measured at 488 B (978 B for a plan's two).
     */
    static final int AUDIT_EVENT_BYTES = 490;
    private static final double[] LOAD_LEVELS = {0.25, 0.50, 0.75, 0.90};
    /** Notices per further warm-up round (or --warmup, if fewer). */
    static final int WARMUP_ROUND = 5_000;
    /** The JIT compiler's share of a process's CPU in a warm-up round below which the process counts as warm. */
    static final double JIT_QUIET = 0.10;

    private final BenchOptions options;
    private final PrintStream out;
    private final ResultTable table;
    private final OwnGcPauses ownPauses = OwnGcPauses.ofThisJvm();

    BenchMain(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.table = new ResultTable(out);
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("samband bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        boolean accounted = new BenchMain(options, System.out).run();
        System.exit(accounted ? 0 : 1);
    }

    /** Runs every scenario and prints the table; true when every notice sent was delivered exactly once. */
    boolean run() throws Exception {
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory(WorkDisk.RUN_DIR_PREFIX);
        out.printf(Locale.ROOT, "samband bench%s: %d notices x %d run(s) after %d warm-up, %d senders, "
                        + "%d recipient(s), body %d bytes, concurrency %d, consent cache %s, TLS by %s, %d cpus, "
                        + "work dir %s%n",
                options.quick() ? " --quick" : "", options.notices(), options.runs(), options.warmup(),
                options.senders(), options.recipients(), options.bodyBytes(), options.concurrency(),
                options.consentCacheHit() ? "hit" : "miss", options.tlsProvider(),
                Runtime.getRuntime().availableProcessors(), work);
        try {
            WorkDisk.of(work).report().forEach(out::println);
        } catch (IOException | UncheckedIOException e) {
            // Only a report: a disk that cannot be read here still lets the brokers run.
            out.println("disk of the work dir: unknown (" + e + ")");
        }
        List<RunResult> hubRuns = new ArrayList<>();
        List<RunResult> planRuns = new ArrayList<>();
        List<RunResult> rawRuns = new ArrayList<>();
        List<List<RunResult>> curve = new ArrayList<>();
        HubUnderTest hub = options.externalHub() ? null : startHub(work);
        Boolean sustained = null;
        try {
            BrokerEndpoint endpoint = hub != null ? hub.endpoint()
                    : new BrokerEndpoint(options.hubTlsPort(), options.hubPki(), options.tlsProvider());
            Path pkiDir = endpoint.pkiDir();
            NoticePool pool = new NoticePool(pkiDir, options.consentCacheHit());
            LoadDriver driver = new LoadDriver(endpoint, Duration.ofSeconds(options.timeoutSeconds()));
            // The receipts' size, for the baseline's: the same notices get the same receipts in every run.
            AtomicInteger receiptBytes = new AtomicInteger();
            if (hub != null) {
                warmUp("hub warm-up", "hub's", hub::threadCpu, hub::cpuTime, size -> {
                    List<PooledNotice> round = seal(pool, size);
                    HubUnderTest.Batches auditBefore = hub.auditWrites();
                    RunResult result = driver.run(round, options.rate(), true);
                    settle(hub, auditBefore);
                    receiptBytes.set(result.meanReceiptBytes());
                    return result;
                });
            } else {
                RunResult result = driver.run(seal(pool, options.warmup()), options.rate(), true);
                table.check("hub warm-up", result);
                receiptBytes.set(result.meanReceiptBytes());
            }
            if (options.sustainSeconds() > 0) {
                sustained = sustain(hub, pool, driver);
            }
            if (sustained == null && options.baseline()) {
                // Closed before the load curve, and before the hub if anything fails.
                try (ForwarderBaseline baseline = ForwarderBaseline.start(work.resolve("baseline"),
                        HubUnderTest.freePort(), pkiDir, options.tlsProvider(), options.journalType())) {
                    out.printf(Locale.ROOT, "baseline broker journal %s%n", journal(baseline.journalType()));
                    Forwarders forwarders = new Forwarders(baseline, new LoadDriver(baseline.endpoint(),
                            Duration.ofSeconds(options.timeoutSeconds())), receiptBytes.get());
                    forwarders.warmUp(new NoticePool(pkiDir));
                    hubRuns(hub, pool, driver, forwarders, hubRuns, planRuns, rawRuns);
                }
            } else if (sustained == null) {
                hubRuns(hub, pool, driver, null, hubRuns, planRuns, rawRuns);
            }
            if (sustained == null && options.loadCurve()) {
                double max = ResultTable.median(hubRuns.stream().mapToDouble(RunResult::throughput).toArray());
                for (double level : LOAD_LEVELS) {
                    List<RunResult> atLevel = new ArrayList<>();
                    for (int run = 0; run < options.runs(); run++) {
                        List<PooledNotice> slice = seal(pool, options.notices());
                        atLevel.add(measured(String.format(Locale.ROOT, "hub at %.0f %%", level * 100), hub,
                                () -> driver.run(slice, level * max, true)));
                    }
                    curve.add(atLevel);
                }
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
        }
        if (sustained != null) {
            return finish(work, sustained);
        }
        table.print(hubRuns, planRuns, rawRuns, curve, LOAD_LEVELS);
        return finish(work, table.allAccounted());
    }

    /**
     * The measured hub runs, each followed by the forwarders' runs with the same notices when there is a baseline
     * (its broker keeps its own duplicate ids), so that each pair meets the machine as it was within the same minutes.
     */
    private void hubRuns(HubUnderTest hub, NoticePool pool, LoadDriver driver, Forwarders forwarders,
                         List<RunResult> hubRuns, List<RunResult> planRuns, List<RunResult> rawRuns)
            throws Exception {
        for (int run = 0; run < options.runs(); run++) {
            List<PooledNotice> slice = seal(pool, options.notices());
            hubRuns.add(measured("hub run " + (run + 1), hub, () -> driver.run(slice, options.rate(), true)));
            if (forwarders != null) {
                forwarders.run(run, slice, hub, planRuns, rawRuns);
            }
        }
    }

    /** The baseline's forwarders in this JVM, warmed up once and then run after each hub run. */
    private final class Forwarders {
        private final ForwarderBaseline baseline;
        private final LoadDriver driver;
        private final int receiptBytes;

        Forwarders(ForwarderBaseline baseline, LoadDriver driver, int receiptBytes) {
            this.baseline = baseline;
            this.driver = driver;
            this.receiptBytes = receiptBytes;
        }

        /** The forwarder runs in this JVM, so this JVM's compiler decides when the baseline is warm. */
        void warmUp(NoticePool pool) throws Exception {
            ProcessHandle self = ProcessHandle.current();
            BenchMain.this.warmUp("baseline warm-up", "bench's", () -> ThreadCpu.read(self.pid()),
                    () -> self.info().totalCpuDuration().orElse(Duration.ZERO),
                    size -> send(seal(pool, size), ForwarderBaseline.Mode.FULL_PLAN));
        }

        /**
         * Forwarder and raw forwarder with {@code slice}, the notices of hub run {@code run}; prints what the idle
         * hub used meanwhile (its background work takes CPU from the forwarders on the same cores).
         */
        void run(int run, List<PooledNotice> slice, HubUnderTest hub, List<RunResult> planRuns,
                 List<RunResult> rawRuns) throws Exception {
            Duration hubBefore = hub != null ? hub.cpuTime() : Duration.ZERO;
            long started = System.nanoTime();
            planRuns.add(measured("forwarder run " + (run + 1), null,
                    () -> send(slice, ForwarderBaseline.Mode.FULL_PLAN)));
            rawRuns.add(measured("raw forwarder run " + (run + 1), null,
                    () -> send(slice, ForwarderBaseline.Mode.COPY_ONLY)));
            if (hub != null) {
                out.printf(Locale.ROOT, "    the idle hub meanwhile: %.2f cores%n",
                        hub.cpuTime().minus(hubBefore).toNanos() / (double) (System.nanoTime() - started));
            }
        }

        private RunResult send(List<PooledNotice> notices, ForwarderBaseline.Mode mode) throws Exception {
            return baseline.run(driver, notices, options.rate(), options.concurrency(), mode, receiptBytes,
                    AUDIT_EVENT_BYTES);
        }
    }

    /**
     * The warm-up: {@code --warmup} notices, then rounds of {@link #WARMUP_ROUND} while the JIT compiler took more
     * than {@link #JIT_QUIET} of the process's CPU in the last round (up to {@code --warmup-max} in all), so that
     * the measured runs see compiled code on both sides and not the compiler (RESULTS.md, the 22:46 reference run).
     * Where the process's threads cannot be read (no {@code /proc}) the first warm-up is all.
     */
    private void warmUp(String label, String process, Supplier<ThreadCpu> threads,
                        Supplier<Duration> cpu, WarmupRound round) throws Exception {
        int next = Math.min(WARMUP_ROUND, options.warmup());
        int sent = 0;
        int size = options.warmup();
        // Each round's closing reading opens the next one.
        ThreadCpu threadsBefore = threads.get();
        Duration cpuBefore = cpu.get();
        while (true) {
            table.check(label, round.send(size));
            sent += size;
            ThreadCpu threadsAfter = threads.get();
            Duration cpuAfter = cpu.get();
            if (threadsAfter.isEmpty()) {
                return;
            }
            double jitShare = ThreadCpu.share(threadsAfter.since(threadsBefore), ThreadCpu.Group.JIT,
                    cpuAfter.minus(cpuBefore).toNanos());
            boolean again = warmUpAgain(jitShare, sent, next, options.warmupMax());
            out.printf(Locale.ROOT, "    JIT compiler: %.0f %% of the %s CPU in this round (%,d warm-up notices so "
                    + "far)%s%n", jitShare * 100, process, sent, again ? ": warming up further" : "");
            if (!again) {
                return;
            }
            size = next;
            threadsBefore = threadsAfter;
            cpuBefore = cpuAfter;
        }
    }

    /** Whether to send another warm-up round of {@code next} notices after {@code sent}, up to {@code max}. */
    static boolean warmUpAgain(double jitShare, int sent, int next, int max) {
        return jitShare > JIT_QUIET && next > 0 && sent + next <= max;
    }

    @FunctionalInterface
    private interface WarmupRound {
        RunResult send(int notices) throws Exception;
    }

    /**
     * A run, checked and printed with the bench JVM's own collector pauses and CPU by role (its load generator; in a
     * baseline run also the baseline's broker). For a hub run ({@code hub} not null)
     * also the hub's CPU and heap: CPU per notice counts until the run's audit events are written too, and the next
     * run starts after that.
     */
    private RunResult measured(String label, HubUnderTest hub, HubRun run) throws Exception {
        Duration cpuBefore = hub != null ? hub.cpuTime() : Duration.ZERO;
        ThreadCpu threadsBefore = hub != null ? hub.threadCpu() : null;
        HubTimings timingsBefore = hub != null ? hub.timings() : null;
        HubUnderTest.Batches auditBefore = hub != null ? hub.auditWrites() : null;
        HubUnderTest.Batches intakeBefore = hub != null ? hub.intakeCommits() : null;
        int pausesBefore = ownPauses.mark();
        OwnThreadCpu ownBefore = OwnThreadCpu.read();
        RunResult result = run.run();
        String ownCpu = OwnThreadCpu.read().describeSince(ownBefore, result.notices());
        if (hub == null) {
            table.check(label, result);
            printTail(result, pausesBefore);
            out.println("    " + ownCpu);
            return result;
        }
        double cores = (hub.cpuTime().minus(cpuBefore)).toNanos() / (double) result.elapsedNanos();
        double heap = hub.heapUsedMiB();
        HubTimings timings = hub.timings().since(timingsBefore);
        table.check(label, result);
        out.println("    hub: " + timings.describe());
        out.println("    intake: " + hub.intakeCommits().since(intakeBefore).describe());
        printTail(result, pausesBefore);
        out.println("    " + ownCpu);
        settle(hub, auditBefore);
        Duration cpu = hub.cpuTime().minus(cpuBefore);
        ThreadCpu threads = hub.threadCpu();
        if (!threads.isEmpty()) {
            out.println("    hub CPU by thread: " + ThreadCpu.describe(threads.since(threadsBefore), cpu.toNanos(),
                    result.notices()));
        }
        double cpuMillisPerNotice = cpu.toNanos() / 1e6 / result.notices();
        return result.withHub(cores, heap, cpuMillisPerNotice);
    }

    /** What the slowest copies waited for, and the bench JVM's own pauses, which lengthen every latency it reads. */
    private void printTail(RunResult result, int pausesBefore) {
        String split = result.split().describe();
        if (!split.isEmpty()) {
            out.println("    " + split);
        }
        out.println("    " + ownPauses.describeSince(pausesBefore));
    }

    /** Lets the hub's audit writer catch up, so that the next run is not charged for this one's audit trail. */
    private void settle(HubUnderTest hub, HubUnderTest.Batches before) {
        double backlog = hub.auditBacklog();
        Duration caughtUp = hub.awaitAuditCaughtUp(Duration.ofSeconds(options.timeoutSeconds()));
        out.printf(Locale.ROOT, "    audit writer: %.0f events behind when the last copy arrived, caught up %.1f s "
                + "later; %s%n", backlog, caughtUp.toNanos() / 1e9, hub.auditWrites().since(before).describe());
    }

    @FunctionalInterface
    private interface HubRun {
        RunResult run() throws Exception;
    }

    /** Deletes a temporary work directory after a run that accounted for everything; keeps it otherwise. */
    private boolean finish(Path work, boolean accounted) throws IOException {
        if (options.workDir() == null && accounted) {
            deleteTree(work);
        } else {
            out.println("data and hub log kept in " + work);
        }
        return accounted;
    }

    /**
     * The sustained run: {@code --rate} for {@code --sustain-seconds}, with the backlog sampled every second. The
     * hub keeps up when the backlog of the last minute is no deeper than that of the first (see {@link Backlog}).
     */
    private boolean sustain(HubUnderTest hub, NoticePool pool, LoadDriver driver) throws Exception {
        int count = (int) Math.round(options.rate() * options.sustainSeconds());
        // Created as they fall due, not all now: a run longer than the hub's clock-skew window would be refused.
        List<PooledNotice> notices = seal(pool, count, options.rate());
        Backlog backlog = new Backlog();
        // The audit writer's backlog at the end is printed too: a hub that keeps up also keeps its audit trail up.
        RunResult result = measured("hub sustained", hub, () -> driver.run(notices, options.rate(), true, backlog));
        out.printf(Locale.ROOT, "sustained: offered %.0f notices/s for %d s: delivered %.0f notices/s, p50 %.2f ms, "
                        + "p99 %.2f ms, p99.9 %.2f ms, hub CPU %.2f cores (%.1f ms/notice), heap %.0f MiB%n",
                options.rate(), options.sustainSeconds(), result.throughput(), result.latencyMillis(50),
                result.latencyMillis(99), result.latencyMillis(99.9), result.hubCpuCores(),
                result.hubCpuMillisPerNotice(), result.hubHeapMiB());
        int seconds = backlog.perSecond().size();
        boolean steady = backlog.steady(options.sustainSeconds(), options.rate());
        out.printf(Locale.ROOT, "backlog (copies due at the offered rate, not yet delivered), mean per minute: %s; "
                + "max %d: %s%n", perMinute(seconds, backlog::mean), backlog.max(), steady ? "steady" : "GROWING");
        out.printf(Locale.ROOT, "  of which not yet sent (the senders' blocking sends behind their schedule): %s%n",
                perMinute(seconds, backlog::notSentMean));
        out.printf(Locale.ROOT, "accounting: %d notices sent, %d recipient copies received, %s%n", result.notices(),
                result.copies(), result.accounted() ? "every notice delivered exactly once"
                        : "SOME NOTICES MISSING, DUPLICATED OR REFUSED");
        return table.allAccounted();
    }

    /** "36, 102, 31": {@code mean} of each minute of the {@code seconds} sampled, rounded. */
    private static String perMinute(int seconds, WindowMean mean) {
        StringBuilder minutes = new StringBuilder();
        for (int from = 0; from < seconds; from += 60) {
            minutes.append(minutes.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.0f", mean.of(from, from + 60)));
        }
        return minutes.toString();
    }

    /** A mean over the seconds [from, to) of a sustained run ({@link Backlog#mean}, {@link Backlog#notSentMean}). */
    @FunctionalInterface
    private interface WindowMean {
        double of(int from, int to);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private HubUnderTest startHub(Path work) throws IOException {
        Path hubJar = options.hubJar().toAbsolutePath();
        if (!Files.isRegularFile(hubJar)) {
            throw new IOException("no hub jar at " + hubJar + " (build it: mvn -pl routes -am package)");
        }
        List<String> settings = new ArrayList<>(List.of(
                "--samband.intake.concurrent-consumers=" + options.concurrency(),
                "--samband.intake.max-concurrent-consumers=" + options.concurrency(),
                "--samband.broker.journal-type=" + options.journalType()));
        settings.addAll(options.hubSettings());
        long started = System.nanoTime();
        HubUnderTest hub = HubUnderTest.start(hubJar, Files.createDirectories(work.resolve("hub")),
                options.hubHeap(), options.hubJvmArgs(), options.tlsProvider(), settings);
        out.printf(Locale.ROOT, "hub started in %.1f s, JVM options %s, journal %s, log %s%n",
                (System.nanoTime() - started) / 1e9,
                hub.jvmOptions().isEmpty() ? "none" : String.join(" ", hub.jvmOptions()), journal(hub.journalType()),
                hub.log());
        return hub;
    }

    /** The journal type a broker runs on, and what was asked if it fell back. */
    private String journal(String inEffect) {
        return inEffect.equals(options.journalType()) ? inEffect
                : inEffect + " (" + options.journalType() + " asked: README.md, \"Operations\", says what it needs)";
    }

    private List<PooledNotice> seal(NoticePool pool, int count) {
        return seal(pool, count, 0);
    }

    /** Seals {@code count} notices before the clock starts; with a {@code rate}, each is created as it falls due. */
    private List<PooledNotice> seal(NoticePool pool, int count, double rate) {
        long started = System.nanoTime();
        List<PooledNotice> notices = pool.seal(count, options.senders(), options.recipients(), options.bodyBytes(),
                rate);
        out.printf(Locale.ROOT, "sealed %d notices in %.1f s (not measured)%s%n", count,
                (System.nanoTime() - started) / 1e9, rate > 0 ? ", each created a minute before it is due" : "");
        return notices;
    }
}
