package se.samband.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import javax.net.ssl.SSLContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;

class ApiDocumentationTest extends HubSpringTest {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentListsTheNoticeOperationsAndEveryErrorCodeUnderItsStatus() throws Exception {
        // The document is served on the HTTPS port like the API, to clients with a federation certificate.
        SSLContext tls = AgencyTls.sslContext(AgencyTls.keyStore(PKI_DIR, ParticipantId.of("polisen.gavleborg")),
                AgencyTls.trustStore(PKI_DIR));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + port + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(response.body());
        JsonNode submit = doc.path("paths").path("/api/v1/notices").path("post");
        assertThat(submit.path("requestBody").path("content").has("application/samband-notice+json")).isTrue();
        assertThat(submit.path("responses").has("202")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/notices/{id}").has("get")).isTrue();
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"))
                .as("people's APIs are not the agencies' contract")
                .noneMatch(path -> path.startsWith("/api/v1/security/") || path.startsWith("/api/v1/operator/"));

        List<String> documented = new ArrayList<>();
        doc.path("components").path("schemas").path("ErrorBody").path("properties").path("code").path("enum")
                .forEach(code -> documented.add(code.asText()));
        assertThat(documented).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toArray(String[]::new));
        for (ErrorCode code : ErrorCode.values()) {
            String description = submit.path("responses").path(String.valueOf(code.httpStatus()))
                    .path("description").asText();
            assertThat(description).as(code.code()).contains("`" + code.code() + "`: " + code.message());
        }
    }
}
