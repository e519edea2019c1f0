package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher jar, started as its own JVM exactly as {@code ./samband hub} starts it, comes up
 * healthy and stops cleanly. Failsafe runs this after {@code package}, so {@code target/samband-hub.jar} exists.
 */
class HubProcessIT {
    private static final Path JAR = Path.of("target", "samband-hub.jar");
    /** A cold start creates the dev PKI and hashes two passwords: over 90 s on a shared, loaded machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process hub;

    @AfterEach
    void stopHub() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            hub.destroy();
            if (!hub.waitFor(30, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void packagedHubStartsHealthyAndStopsOnSigterm() throws Exception {
        assertThat(JAR).as("run after package (mvn verify)").exists();
        Path dataDir = TestSupport.newDataDir("hub-process");
        Path log = dataDir.resolve("hub.log");
        int apiPort = TestSupport.freePort();
        int managementPort = TestSupport.freePort();
        int brokerPort = TestSupport.freePort();
        int brokerTlsPort = TestSupport.freePort();
        int peoplePort = TestSupport.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        hub = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "hub",
                "--samband.data-dir=" + dataDir, "--server.port=" + apiPort,
                "--management.server.port=" + managementPort, "--samband.broker.port=" + brokerPort,
                "--samband.broker.tls-port=" + brokerTlsPort, "--samband.people.port=" + peoplePort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");

        JsonNode status = await("hub health UP, log in " + log)
                .atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(hub.isAlive()).as("hub process alive; log in " + log).isTrue();
                    return readHealth(health);
                }, node -> "UP".equals(node.path("status").asText()));

        JsonNode components = status.path("components");
        assertThat(components.path("broker").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("broker").path("details").path("acceptorPort").asInt()).isEqualTo(brokerPort);
        assertThat(components.path("broker").path("details").path("tlsAcceptorPort").asInt()).isEqualTo(brokerTlsPort);
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("directory").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("directory").path("details").path("federationId").asText())
                .isEqualTo(TestSupport.demoFederation().info().id());
        assertThat(dataDir.resolve("artemis").resolve("journal")).isDirectory();
        assertThat(dataDir.resolve("db")).isDirectory();
        assertThat(dataDir.resolve("pki").resolve("truststore.p12")).as("dev PKI created at start-up").isRegularFile();
        assertFirstPeopleAccounts(dataDir, peoplePort, Files.readString(log));

        hub.destroy();
        assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("hub stops within 30 s of SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("AMQ221002");
    }

    /** First start: operator and security exist, their passwords only in the owner-only file, and they log in. */
    private void assertFirstPeopleAccounts(Path dataDir, int peoplePort, String hubLog) throws Exception {
        Path file = dataDir.resolve("people-accounts.txt");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.strip().split("\\s+");
            if (!line.startsWith("#") && fields.length == 3) {
                passwords.put(fields[0], fields[1]);
            }
        }
        assertThat(passwords).containsOnlyKeys("operator", "security");
        assertThat(hubLog).contains(file.toString());
        passwords.values().forEach(password -> assertThat(hubLog).doesNotContain(password));

        PeopleClient operator = new PeopleClient(peoplePort, dataDir.resolve("pki"), "operator",
                passwords.get("operator"));
        assertThat(operator.get("/api/v1/operator/whoami").statusCode()).isEqualTo(200);
        assertThat(operator.get("/api/v1/security/whoami").statusCode()).isEqualTo(403);
        PeopleClient security = new PeopleClient(peoplePort, dataDir.resolve("pki"), "security",
                passwords.get("security"));
        assertThat(security.get("/api/v1/security/whoami").statusCode()).isEqualTo(200);
    }

    private JsonNode readHealth(URI health) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
