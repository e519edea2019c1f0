package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged hub as its own JVM on a data directory and fixed ports, so that it can be killed and restarted. */
final class HubProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "samband-hub.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final Path dataDir;
    final int apiPort = TestSupport.freePort();
    final int managementPort = TestSupport.freePort();
    final int peoplePort = TestSupport.freePort();
    final int brokerPort = TestSupport.freePort();
    final int brokerTlsPort = TestSupport.freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    HubProcess(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path pkiDir() {
        return dataDir.resolve("pki");
    }

    /** Starts the hub and waits until its health is UP. */
    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dataDir.resolve("hub-" + (++starts) + ".log").toFile();
        process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", JAR.toString(), "hub",
                "--samband.data-dir=" + dataDir, "--server.port=" + apiPort,
                "--management.server.port=" + managementPort, "--samband.broker.port=" + brokerPort,
                "--samband.broker.tls-port=" + brokerTlsPort, "--samband.people.port=" + peoplePort))
                .redirectErrorStream(true).redirectOutput(log).start();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
        await("hub health UP, log in " + log).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("hub alive; log in " + log).isTrue();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    return new ObjectMapper().readTree(response.body()).path("status").asText();
                }, "UP"::equals);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: Process.destroyForcibly sends SIGKILL on Unix; no shutdown hook, no journal flush, nothing runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
    }

    /** SIGTERM and wait: the hub stops its routes, the audit writer and the broker in order. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs {@code samband <args>} from the packaged jar and returns its exit code and output. */
    static CommandResult run(Path workDir, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes());
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CommandResult(cli.exitValue(), output);
    }

    record CommandResult(int exitCode, String output) {
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
