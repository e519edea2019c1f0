package se.samband.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samband.hub.HubSpringTest;
import se.samband.notice.error.ErrorCode;

class ApiDocumentationTest extends HubSpringTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void openApiDocumentListsTheNoticeOperationsAndEveryErrorCodeUnderItsStatus() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = new ObjectMapper().readTree(response.getBody());
        JsonNode submit = doc.path("paths").path("/api/v1/notices").path("post");
        assertThat(submit.path("requestBody").path("content").has("application/samband-notice+json")).isTrue();
        assertThat(submit.path("responses").has("202")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/notices/{id}").has("get")).isTrue();
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));

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
