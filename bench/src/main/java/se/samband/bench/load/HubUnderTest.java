package se.samband.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged hub started by the benchmark as its own JVM on a temporary data directory and free ports, the way
 * {@code samband hub} runs it; its metrics endpoint is exposed on the loopback management port for the run, so the
 * benchmark can read the heap. Stopped with SIGTERM at the end.
 */
final class HubUnderTest implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern JOURNAL_TYPE = Pattern.compile("\"journalType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
    static final String SHENANDOAH = "-XX:+UseShenandoahGC";
    /** The java of this JVM, which starts the hub as well. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path dataDir;
    private final int managementPort;
    private final int tlsPort;
    private final String tlsProvider;
    private final Process process;
    private final Path log;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HubUnderTest(Path dataDir, int managementPort, int tlsPort, String tlsProvider, Process process,
                         Path log, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.managementPort = managementPort;
        this.tlsPort = tlsPort;
        this.tlsProvider = tlsProvider;
        this.process = process;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The JVM options the hub was started with besides its heap, the default collector included. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * Starts {@code java -jar hubJar hub ...} and waits until its health is UP.
     *
     * @param tlsProvider the TLS acceptor's provider, OPENSSL or JDK (the same for the hub and the load driver)
     */
    static HubUnderTest start(Path hubJar, Path dataDir, String heap, List<String> jvmArgs, String tlsProvider,
                              List<String> extraSettings) throws IOException {
        int managementPort = freePort();
        int tlsPort = freePort();
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx" + heap, "-Xms" + heap));
        List<String> jvmOptions = withDefaultCollector(jvmArgs, HubUnderTest::shenandoahAvailable);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", hubJar.toString(), "hub", "--samband.data-dir=" + dataDir,
                "--server.port=" + freePort(),
                "--management.server.port=" + managementPort, "--samband.broker.port=" + freePort(),
                "--samband.broker.tls-port=" + tlsPort, "--samband.broker.tls-provider=" + tlsProvider,
                "--samband.people.port=" + freePort(),
                "--management.endpoints.web.exposure.include=health,info,metrics"));
        command.addAll(extraSettings);
        Path log = dataDir.resolve("hub.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HubUnderTest hub = new HubUnderTest(dataDir, managementPort, tlsPort, tlsProvider, process, log,
                jvmOptions);
        hub.awaitHealthy();
        return hub;
    }

    /**
     * The hub's JVM options with the collector {@code samband hub} gives it: Shenandoah where the JVM has it, unless
     * the options name a collector themselves (bench/RESULTS.md, 2026-12-07: the p99 at a quarter of the maximum).
     */
    static List<String> withDefaultCollector(List<String> jvmArgs, BooleanSupplier shenandoahAvailable) {
        boolean chosen = jvmArgs.stream().anyMatch(arg -> arg.startsWith("-XX:+Use") && arg.endsWith("GC"));
        if (chosen || !shenandoahAvailable.getAsBoolean()) {
            return jvmArgs;
        }
        List<String> withCollector = new ArrayList<>(jvmArgs);
        withCollector.add(0, SHENANDOAH);
        return withCollector;
    }

    /** Whether this JVM's java starts with Shenandoah (Oracle's builds, for one, do not have it). */
    static boolean shenandoahAvailable() {
        return runs(JAVA, SHENANDOAH, "-version");
    }

    /** Whether {@code java options...} exits with 0: a JVM without a collector refuses to start with it. */
    static boolean runs(String java, String... options) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(options));
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    BrokerEndpoint endpoint() {
        return new BrokerEndpoint(tlsPort, dataDir.resolve("pki"), tlsProvider);
    }

    Path log() {
        return log;
    }

    /** CPU time the hub's JVM has used so far (all threads), from the operating system. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The hub's threads and their CPU time now (empty where Linux's /proc is not there). */
    ThreadCpu threadCpu() {
        return ThreadCpu.read(process.pid());
    }

    /** Heap in use now (MiB), from the hub's Micrometer metrics; NaN if they cannot be read. */
    double heapUsedMiB() {
        return metric("/actuator/metrics/jvm.memory.used?tag=area:heap") / (1024 * 1024);
    }

    /** Audit events the hub's audit writer has not yet written (samband.audit.writer.lag.events); NaN if unknown. */
    double auditBacklog() {
        return metric("/actuator/metrics/samband.audit.writer.lag.events");
    }

    /** Entries the audit writer appended so far and the database transactions they took; NaN if unknown. */
    Batches auditWrites() {
        return new Batches("entries", "database transactions",
                metric("/actuator/metrics/samband.audit.writer.entries"),
                metric("/actuator/metrics/samband.audit.writer.transactions"));
    }

    /** Inbox messages the intake committed so far and the JMS transactions they took; NaN if unknown. */
    Batches intakeCommits() {
        return new Batches("notices", "transactions", metric("/actuator/metrics/samband.intake.messages"),
                metric("/actuator/metrics/samband.intake.transactions"));
    }

    /** A reading of two counters, things and the transactions they took: over a run, the batch size. */
    record Batches(String things, String batches, double count, double transactions) {
        Batches since(Batches before) {
            return new Batches(things, batches, count - before.count, transactions - before.transactions);
        }

        /** e.g. "14,995 entries in 312 database transactions (48.1 per transaction)". */
        String describe() {
            return String.format(Locale.ROOT, "%,.0f %s in %,.0f %s (%.1f per transaction)", count, things,
                    transactions, batches, transactions > 0 ? count / transactions : 0.0);
        }
    }

    /**
     * Waits until the audit writer has written every event (at most {@code limit}): a saturated run leaves events
     * behind, and their writing would otherwise be charged to the next run. Returns the time it took.
     */
    Duration awaitAuditCaughtUp(Duration limit) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline && !(auditBacklog() == 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The pipeline's step timers and the GC's pauses so far; a timer that cannot be read counts as unused. */
    HubTimings timings() {
        Map<String, HubTimings.Timer> steps = new LinkedHashMap<>();
        for (String step : HubTimings.STEPS) {
            steps.put(step, timer("/actuator/metrics/samband.pipeline.step?tag=step:" + step));
        }
        return new HubTimings(steps, timer("/actuator/metrics/jvm.gc.pause"));
    }

    private HubTimings.Timer timer(String path) {
        return managementAnswer(path).map(HubTimings.Timer::parse).orElse(HubTimings.Timer.NONE);
    }

    private double metric(String path) {
        return managementAnswer(path).map(VALUE::matcher).filter(Matcher::find)
                .map(value -> Double.parseDouble(value.group(1))).orElse(Double.NaN);
    }

    /** The management endpoint's answer at {@code path} (metrics, health); empty if the hub does not answer. */
    private Optional<String> managementAnswer(String path) {
        try {
            return Optional.of(get(path));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The journal type the hub's broker runs on, from its health (after any fall-back from ASYNCIO to NIO). */
    String journalType() {
        return managementAnswer("/actuator/health/broker").map(JOURNAL_TYPE::matcher).filter(Matcher::find)
                .map(type -> type.group(1)).orElse("unknown");
    }

    private void awaitHealthy() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the hub exited with " + process.exitValue() + "; log in " + log);
            }
            try {
                Matcher status = STATUS.matcher(get("/actuator/health"));
                if (status.find() && "UP".equals(status.group(1))) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the hub", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IOException("the hub was not UP within " + START_TIMEOUT + "; log in " + log);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * A TCP port that was free a moment ago and that this run has not handed out before: the operating system may
     * offer a port again as soon as its probe socket is closed, and a hub given one port twice does not start.
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    /** SIGTERM and wait; SIGKILL if the hub does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
