package se.samband.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samband.demo.play.Cast;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.ScenarioPlayer;
import se.samband.demo.play.ScenarioResult;
import se.samband.demo.play.TimelinePrinter;
import se.samband.demo.run.ConnectorFleet;
import se.samband.demo.run.HubProcess;
import se.samband.demo.run.Ports;
import se.samband.demo.scenario.Scenarios;

/**
 * {@code samband demo}: starts the hub (its own JVM) and a connector per agency of the scenarios (in this JVM),
 * plays DOMAIN.md's eight scenarios through the connectors' local APIs, prints a timeline per scenario and a
 * summary, then leaves everything running until Ctrl-C (or stops at once with {@code --exit}).
 */
public final class DemoMain {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            System.exit(List.of(args).contains("--help") ? 0 : 2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(options, out));
    }

    static int run(Options options, PrintStream out) throws Exception {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        Path workDir = dataDir.resolve("demo");
        Ports ports = options.freePorts() ? Ports.free() : Ports.standard();
        out.println("Samband demo: DOMAIN.md's eight scenarios through real connectors against a real hub");
        out.println();

        Instant started = Instant.now();
        if (!Files.isDirectory(dataDir.resolve("pki"))) {
            out.println("  first run: the hub creates the development PKI of deploy/demo/federation.yaml in "
                    + dataDir.resolve("pki") + " (a CA, a key and certificate per agency, a CRL)");
        }
        out.print("  starting the hub (data in " + dataDir + ", log " + workDir.resolve("hub.log") + ") ... ");
        out.flush();
        HubProcess hub = HubProcess.start(options.hubJar(), dataDir, ports, workDir.resolve("hub.log"),
                List.of("-Xmx512m"));
        out.println("up after " + seconds(started));
        ConnectorFleet fleet = null;
        boolean stoppedByShutdownHook = false;
        try {
            Instant connectorsStarted = Instant.now();
            out.print("  starting " + Cast.participants().size() + " connectors (log "
                    + workDir.resolve("connectors/connectors.log") + ") ... ");
            out.flush();
            fleet = ConnectorFleet.start(Cast.participants(), hub, workDir.resolve("connectors"));
            out.println("up after " + seconds(connectorsStarted));

            Instant playStarted = Instant.now();
            ScenarioPlayer player = new ScenarioPlayer(fleet.apis(), Clock.systemUTC(), PATIENCE);
            TimelinePrinter printer = new TimelinePrinter(out);
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : Scenarios.all()) {
                ScenarioResult result = player.play(scenario);
                results.add(result);
                printer.print(result);
            }
            printer.printSummary(results, Duration.between(playStarted, Instant.now()));
            boolean allPassed = results.stream().allMatch(ScenarioResult::passed);
            if (options.exitAfterPlay()) {
                return allPassed ? 0 : 1;
            }
            printRunning(out, ports, dataDir, fleet);
            ConnectorFleet running = fleet;
            // Ctrl-C: stop the connectors, then the hub, before the JVM exits (no process left behind).
            stoppedByShutdownHook = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println();
                out.println("Stopping the connectors and the hub ...");
                running.close();
                hub.close();
                out.println("Stopped.");
            }, "samband-demo-shutdown"));
            hub.waitFor();
            return allPassed ? 0 : 1;
        } finally {
            if (!stoppedByShutdownHook) {
                if (fleet != null) {
                    fleet.close();
                }
                hub.close();
            }
        }
    }

    private static void printRunning(PrintStream out, Ports ports, Path dataDir, ConnectorFleet fleet) {
        Path pki = dataDir.resolve("pki");
        out.println();
        out.println("Samband is running. Try it:");
        out.println("  agency APIs (mTLS)    https://127.0.0.1:" + ports.api() + "/api/v1/…  "
                + "e.g. curl --cert-type P12 --cert " + pki.resolve("participants/polisen.gavleborg.p12")
                + ":samband-dev --cacert " + pki.resolve("ca/federation-ca.crt") + " 'https://127.0.0.1:"
                + ports.api() + "/api/v1/directory/participants?kind=SOCIALTJANST&municipality=2183'");
        out.println("  people console        https://127.0.0.1:" + ports.people() + "/console  (operators and "
                + "security officers; passwords in " + dataDir.resolve("people-accounts.txt") + ")");
        out.println("  health and metrics    http://127.0.0.1:" + ports.management() + "/actuator/health  "
                + "http://127.0.0.1:" + ports.management() + "/actuator/metrics");
        out.println("  connectors' local APIs:");
        fleet.apis().forEach((id, api) -> out.println(String.format("      %-24s %-34s %s/api/v1/inbox",
                Cast.name(id), id, api)));
        out.println("Press Ctrl-C to stop the hub and the connectors.");
    }

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds() + " s";
    }

    /** The command line: {@code --hub-jar=PATH [--data-dir=PATH] [--exit] [--free-ports]}. */
    record Options(Path hubJar, Path dataDir, boolean exitAfterPlay, boolean freePorts) {

        static Options parse(String[] args) {
            Path hubJar = null;
            Path dataDir = Path.of("data");
            boolean exit = false;
            boolean free = false;
            for (String arg : args) {
                if (arg.startsWith("--hub-jar=")) {
                    hubJar = Path.of(arg.substring("--hub-jar=".length()));
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(arg.substring("--data-dir=".length()));
                } else if (arg.equals("--exit")) {
                    exit = true;
                } else if (arg.equals("--free-ports")) {
                    free = true;
                } else {
                    (arg.equals("--help") ? System.out : System.err).println("""
                            Usage: samband demo [--data-dir=PATH] [--exit] [--free-ports]
                              --data-dir=PATH  the hub's data directory (default ./data; the demo's own files go to
                                               PATH/demo: hub.log, connectors/)
                              --exit           stop the hub and the connectors after the summary (exit code 0 when
                                               every scenario came out as DOMAIN.md says)
                              --free-ports     any free ports instead of 8443, 8444, 8080, 61616, 61617, 9101..""");
                    return null;
                }
            }
            if (hubJar == null) {
                System.err.println("samband demo: --hub-jar=PATH is required (the launcher passes it)");
                return null;
            }
            return new Options(hubJar, dataDir, exit, free);
        }
    }
}
