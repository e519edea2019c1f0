package se.samband.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RouteIds;

/**
 * The operator API over HTTPS on the people port (shared context): what an operator reads and changes, refusals in
 * the hub's error body, and that a security officer or nobody gets nothing.
 */
class OperatorApiTest extends HubSpringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void operatorReadsRoutesQueuesParkedMessagesBacklogAndParticipants() throws Exception {
        PeopleClient operator = operator();
        JsonNode routes = json(operator.get("/api/v1/operator/routes"));
        assertThat(routes.findValuesAsText("id")).contains(RouteIds.INTAKE_INBOX);
        JsonNode queues = json(operator.get("/api/v1/operator/queues"));
        assertThat(queues.findValuesAsText("name")).contains(Endpoints.HUB_DLQ, Endpoints.HUB_REJECTED);
        assertThat(json(operator.get("/api/v1/operator/dlq")).isArray()).isTrue();
        assertThat(json(operator.get("/api/v1/operator/rejected?limit=5")).size()).isLessThanOrEqualTo(5);
        assertThat(json(operator.get("/api/v1/operator/backlog")).isArray()).isTrue();
        JsonNode participants = json(operator.get("/api/v1/operator/participants"));
        assertThat(participants.findValuesAsText("id")).contains("polisen.gavleborg");
        assertThat(participants.toString()).doesNotContain("ps1:");
    }

    @Test
    void suspendAndResumeAreAuditedWithTheOperatorsAccount() throws Exception {
        PeopleClient operator = operator();
        HttpResponse<String> suspended = operator.send(operator.request("/api/v1/operator/routes/"
                + RouteIds.INTAKE_INBOX + "/suspend").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> resumed = operator.send(operator.request("/api/v1/operator/routes/"
                + RouteIds.INTAKE_INBOX + "/resume").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(json(suspended).path("state").asText()).isEqualTo("Suspended");
        assertThat(json(resumed).path("state").asText()).isEqualTo("Started");
    }

    @Test
    void refusalsUseTheHubsErrorBody() throws Exception {
        PeopleClient operator = operator();
        HttpResponse<String> unknownRoute = operator.send(operator.request("/api/v1/operator/routes/nope/suspend")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> unknownEntry = operator.send(operator.request("/api/v1/operator/dlq/999999999")
                .DELETE());

        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(json(unknownRoute).path("code").asText()).isEqualTo("route_unknown");
        assertThat(unknownEntry.statusCode()).isEqualTo(404);
        assertThat(json(unknownEntry).path("code").asText()).isEqualTo("parked_message_not_found");
    }

    @Test
    void onlyOperatorsMayUseIt() {
        assertThat(securityOfficer().get("/api/v1/operator/queues").statusCode()).isEqualTo(403);
        PeopleClient nobody = new PeopleClient(peoplePort.port(), PKI_DIR, null, null);
        assertThat(nobody.get("/api/v1/operator/queues").statusCode()).isEqualTo(401);
        PeopleClient wrong = new PeopleClient(peoplePort.port(), PKI_DIR, PeopleClient.OPERATOR, "wrong");
        assertThat(wrong.get("/api/v1/operator/dlq").statusCode()).isEqualTo(401);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        return JSON.readTree(response.body());
    }
}
