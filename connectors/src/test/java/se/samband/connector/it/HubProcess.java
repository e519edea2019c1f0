package se.samband.connector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real hub: its packaged jar (routes/target/samband-hub.jar, built by the reactor before this module) as its own
 * JVM on a data directory and fixed ports, so that a test can stop it and start it again on the same state.
 */
final class HubProcess implements AutoCloseable {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    static final Path JAR = Path.of("..", "routes", "target", "samband-hub.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final Path dataDir;
    final int apiPort = freePort();
    final int managementPort = freePort();
    final int brokerPort = freePort();
    final int brokerTlsPort = freePort();
    final int peoplePort = freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    HubProcess(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path pkiDir() {
        return dataDir.resolve("pki");
    }

    void start() throws IOException {
        assertThat(JAR).as("the hub's jar; build with mvn -pl connectors -am verify").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dataDir.resolve("hub-" + (++starts) + ".log").toFile();
        process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toAbsolutePath().toString(), "hub",
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

    /** SIGTERM and wait: the hub stops its routes and the broker in order. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A free port this JVM has not handed out before (the OS may offer a just-closed probe port again). */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Path newDataDir(String purpose) throws IOException {
        return Files.createDirectories(Path.of("target", "test-data", purpose + "-" + System.nanoTime()))
                .toAbsolutePath();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
