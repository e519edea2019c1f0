package se.samband.bench.load;

import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code samband bench}, {@code --name=value} style, with the quick and full defaults. */
record BenchOptions(boolean quick, int notices, int warmup, int warmupMax, int runs, int senders, int recipients,
                    int bodyBytes, int concurrency, boolean consentCacheHit, double rate, boolean loadCurve,
                    boolean baseline, Path hubJar, String hubHeap,
                    List<String> hubSettings, List<String> hubJvmArgs, Integer hubTlsPort, Path hubPki, Path workDir,
                    int timeoutSeconds, int sustainSeconds, String tlsProvider, String journalType) {

    static final String USAGE = """
            Usage: samband bench [--quick] [--name=value ...]

              --quick               2,000 notices, 300 warm-up, 1 run (CI; under 2 minutes)
                                    default: 5,000 notices, 20,000 warm-up, 3 runs, and the load curve
              --notices=N           notices per measured run
              --warmup=N            notices sent before measuring (hub and baseline alike)
              --warmup-max=N        then more warm-up rounds (5,000 notices each, or --warmup if fewer) while the JIT
                                    compiler took more than 10 % of the CPU in the last round, up to N warm-up
                                    notices in all (default 60,000; --quick: no more rounds)
              --runs=N              measured runs per scenario (the table shows the median and min-max)
              --senders=N           sending agencies, one producer thread each (1-6, default 4)
              --recipients=N        recipients per notice (1-9, default 1)
              --body-bytes=N        payload size before sealing (default 1024)
              --concurrency=N       hub intake consumers and baseline forwarder threads (default 4)
              --consent-cache=MODE  miss: every notice is about people no other notice names, so each decision reads
                                    the consent registry (default); hit: 64 people in turn, answered from the cache
              --rate=N              offered load in notices/s (default 0: as fast as accepted)
              --sustain-seconds=S   instead of the runs: offer --rate for S seconds after the warm-up and report
                                    the backlog (copies submitted, not yet delivered) second by second
              --load-curve=BOOL     also measure latency at 25/50/75/90 % of the measured maximum
              --baseline=BOOL       run the forwarder baseline (default true)
              --hub-jar=PATH        the hub's jar (default routes/target/samband-hub.jar)
              --hub-heap=SIZE       -Xmx/-Xms of the started hub (default 4g)
              --hub-setting=--k=v   a Spring setting for the started hub (repeatable)
              --hub-jvm-arg=ARG     a JVM option for the started hub, e.g. -XX:StartFlightRecording=... (repeatable)
              --hub-tls-port=P      use a running hub on 127.0.0.1:P instead of starting one
              --hub-pki=DIR         that hub's PKI directory (<data-dir>/pki)
              --work-dir=DIR        where the started hub and the baseline broker keep their data (default: a temporary
                                    directory, deleted after a run that accounted for every notice)
              --timeout-seconds=N   longest wait for one run's deliveries (default 120)
              --tls-provider=P      AUTO (default: BoringSSL where netty-tcnative loads, else the JDK), OPENSSL or
                                    JDK: the TLS of the hub's acceptor, the baseline broker's and the load driver's
              --journal-type=T      NIO (default) or ASYNCIO: the journal of the started hub's broker and the baseline
                                    broker's; ASYNCIO needs libaio and Artemis' native library on java.library.path
                                    (README.md, "Operations"), or that broker falls back to NIO and the bench says so
            Exit status: 0 every notice delivered exactly once; 1 a notice missing, duplicated or refused; 2 usage.
            """;

    static BenchOptions parse(String... args) {
        boolean quick = List.of(args).contains("--quick");
        Integer notices = null;
        Integer warmup = null;
        Integer warmupMax = null;
        Integer runs = null;
        Boolean curve = null;
        int senders = 4;
        int recipients = 1;
        int body = 1024;
        int concurrency = 4;
        boolean consentCacheHit = false;
        double rate = 0;
        boolean baseline = true;
        Path hubJar = Path.of("routes", "target", "samband-hub.jar");
        // The baseline's broker runs in the bench's JVM with the JVM's default heap (a quarter of the RAM). The hub's
        // 4g dates from when it kept every pending respond-by check in memory (until 2026-12-07); kept, so that runs
        // compare with the earlier ones.
        String heap = "4g";
        List<String> settings = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        Integer tlsPort = null;
        Path pki = null;
        Path work = null;
        int timeout = 120;
        int sustain = 0;
        String tls = "AUTO";
        String journal = "NIO";
        for (String arg : args) {
            if (arg.equals("--quick")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "notices" -> notices = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "warmup-max" -> warmupMax = Integer.parseInt(value);
                case "runs" -> runs = Integer.parseInt(value);
                case "senders" -> senders = Integer.parseInt(value);
                case "recipients" -> recipients = Integer.parseInt(value);
                case "body-bytes" -> body = Integer.parseInt(value);
                case "concurrency" -> concurrency = Integer.parseInt(value);
                case "consent-cache" -> consentCacheHit = switch (value) {
                    case "hit" -> true;
                    case "miss" -> false;
                    default -> throw new IllegalArgumentException("--consent-cache must be hit or miss");
                };
                case "rate" -> rate = Double.parseDouble(value);
                case "load-curve" -> curve = Boolean.parseBoolean(value);
                case "baseline" -> baseline = Boolean.parseBoolean(value);
                case "hub-jar" -> hubJar = Path.of(value);
                case "hub-heap" -> heap = value;
                case "hub-setting" -> settings.add(value);
                case "hub-jvm-arg" -> jvmArgs.add(value);
                case "hub-tls-port" -> tlsPort = Integer.parseInt(value);
                case "hub-pki" -> pki = Path.of(value);
                case "work-dir" -> work = Path.of(value);
                case "timeout-seconds" -> timeout = Integer.parseInt(value);
                case "sustain-seconds" -> sustain = Integer.parseInt(value);
                case "tls-provider" -> tls = switch (value) {
                    case "AUTO", "OPENSSL", "JDK" -> value;
                    default -> throw new IllegalArgumentException("--tls-provider must be AUTO, OPENSSL or JDK");
                };
                case "journal-type" -> journal = switch (value) {
                    case "NIO", "ASYNCIO" -> value;
                    default -> throw new IllegalArgumentException("--journal-type must be NIO or ASYNCIO");
                };
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        // Given twice, Spring joins the values ("NIO,ASYNCIO") and the hub would not start.
        if (settings.stream().anyMatch(setting -> setting.startsWith("--samband.broker.journal-type="))) {
            throw new IllegalArgumentException("set the journal with --journal-type, not --hub-setting: the baseline "
                    + "broker takes it too");
        }
        if ((tlsPort == null) != (pki == null)) {
            throw new IllegalArgumentException("--hub-tls-port and --hub-pki go together");
        }
        if (senders < 1 || senders > NoticePool.SENDERS.size()) {
            throw new IllegalArgumentException("--senders must be 1.." + NoticePool.SENDERS.size());
        }
        if (recipients < 1 || recipients > NoticePool.RECIPIENTS.size()) {
            throw new IllegalArgumentException("--recipients must be 1.." + NoticePool.RECIPIENTS.size());
        }
        if (sustain < 0 || sustain > 0 && rate <= 0) {
            throw new IllegalArgumentException("--sustain-seconds needs a --rate to offer");
        }
        // The full run's warm-up is long on purpose: on two cores the JIT compiles the hub's hot paths for minutes.
        int firstWarmup = warmup != null ? warmup : quick ? 300 : 20_000;
        return new BenchOptions(quick, notices != null ? notices : quick ? 2_000 : 5_000, firstWarmup,
                Math.max(firstWarmup, warmupMax != null ? warmupMax : quick ? 0 : 60_000),
                runs != null ? runs : quick ? 1 : 3, senders,
                recipients, body, concurrency, consentCacheHit, rate, curve != null ? curve : !quick, baseline,
                hubJar, heap,
                List.copyOf(settings), List.copyOf(jvmArgs), tlsPort, pki, work, timeout, sustain,
                "AUTO".equals(tls) ? (OpenSsl.isAvailable() ? "OPENSSL" : "JDK") : tls, journal);
    }

    boolean externalHub() {
        return hubTlsPort != null;
    }
}
