package se.samband.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import se.samband.hub.HubSpringTest;

/**
 * The health groups of application.yml on the running hub, over plain HTTP on the management port: one group per
 * concern (broker, database, directory, trust) with only its component, and the probes (readiness without trust).
 */
class HealthGroupsTest extends HubSpringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalManagementPort
    int managementPort;

    @Test
    void eachGroupIsUpWithItsOwnComponentOnly() throws Exception {
        assertThat(components(group("broker"))).containsExactly("broker");
        assertThat(components(group("database"))).containsExactly("db");
        assertThat(components(group("directory"))).containsExactly("directory");
        assertThat(components(group("trust"))).containsExactly("trust");
        assertThat(group("database").path("components").path("db").path("details").path("database").asText())
                .isEqualTo("H2");
    }

    @Test
    void trustShowsCrlFreshnessAndTheHubCertificateWithoutNames() throws Exception {
        JsonNode trust = group("trust").path("components").path("trust");

        assertThat(trust.path("status").asText()).isEqualTo("UP");
        JsonNode details = trust.path("details");
        assertThat(details.path("crls")).isNotEmpty();
        assertThat(details.path("crls").get(0).path("file").asText()).endsWith(".crl");
        assertThat(details.path("crls").get(0).path("nextUpdate").asText()).matches("\\d{4}-.*Z");
        assertThat(details.path("hubCertificateDaysLeft").asLong()).isGreaterThan(14);
        assertThat(trust.toString()).as("no subject names, no ids of people").doesNotContain("CN=")
                .doesNotContain("ps1:");
    }

    @Test
    void probesAreUpAndReadinessCoversBrokerDatabaseAndDirectory() throws Exception {
        assertThat(components(group("liveness"))).containsExactly("livenessState");
        assertThat(components(group("readiness")))
                .containsExactlyInAnyOrder("readinessState", "broker", "db", "directory");
    }

    private JsonNode group(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/" + name))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).as(name).isEqualTo("UP");
        return health;
    }

    private static List<String> components(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.path("components").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
