package se.samband.connector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connector's runnable jar (target/samband-connector-exec.jar, packaged before the integration tests) as its own
 * JVM, so that a test can kill it with SIGKILL and start it again on the same data directory.
 */
final class ConnectorProcess extends ConnectorApi {
    static final Path JAR = Path.of("target", "samband-connector-exec.jar");
    private final List<String> arguments;
    private final Path logDir;
    private final int port = HubProcess.freePort();
    private Process process;
    private int starts;

    ConnectorProcess(String participant, HubProcess hub, Path dataDir, String... extra) {
        this.arguments = new ArrayList<>(LocalConnector.arguments(participant, hub, dataDir));
        this.arguments.add("--server.port=" + port);
        this.arguments.addAll(List.of(extra));
        this.logDir = dataDir;
        baseUrl("http://127.0.0.1:" + port);
    }

    void start() throws IOException {
        assertThat(JAR).as("the connector's runnable jar; mvn verify packages it").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        File log = Files.createDirectories(logDir).resolve("connector-" + (++starts) + ".log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        await("connector API up, log in " + log).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("connector alive; log in " + log).isTrue();
                    return get("/api/v1/notices/00000000-0000-0000-0000-000000000000").status();
                }, status -> status == 404);
    }

    /** SIGKILL: no shutdown hook, no database close, nothing runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
