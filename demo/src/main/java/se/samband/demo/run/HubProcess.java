package se.samband.demo.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged hub ({@code routes/target/samband-hub.jar}) as its own JVM, started the way {@code samband hub} runs
 * it, with settings that suit a demo: a held-store sweep every few seconds, so that a notice held by a risk flag is
 * released moments after the flag ends. Stopped with SIGTERM.
 */
public final class HubProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final Process process;
    private final Ports ports;
    private final Path dataDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HubProcess(Process process, Ports ports, Path dataDir, Path log) {
        this.process = process;
        this.ports = ports;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts {@code java -jar hubJar hub ...} on {@code dataDir}, its output to {@code log}, and waits until UP. */
    public static HubProcess start(Path hubJar, Path dataDir, Ports ports, Path log, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(hubJar)) {
            throw new IOException("no hub jar at " + hubJar + ": build it with `mvn -pl routes -am package`");
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", hubJar.toString(), "hub",
                "--samband.data-dir=" + dataDir,
                "--server.port=" + ports.api(),
                "--samband.people.port=" + ports.people(),
                "--management.server.port=" + ports.management(),
                "--samband.broker.port=" + ports.broker(),
                "--samband.broker.tls-port=" + ports.brokerTls(),
                "--management.endpoints.web.exposure.include=health,info,metrics,prometheus",
                "--samband.held.sweep-interval=3s",
                // Scenario 8 gives a respond-by time seconds ahead and waits for its escalation.
                "--samband.watch.poll-interval=1s"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HubProcess hub = new HubProcess(process, ports, dataDir, log);
        try {
            hub.awaitHealthy();
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    public Ports ports() {
        return ports;
    }

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the hub's process ends (the demo's foreground wait). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    private void awaitHealthy() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the hub exited with " + process.exitValue() + "; its log is " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.management() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build();
                Matcher status = STATUS.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (status.find() && "UP".equals(status.group(1))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the hub", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IOException("the hub was not UP within " + START_TIMEOUT + "; its log is " + log);
    }

    /** SIGTERM and wait; SIGKILL if the hub has not stopped within a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
