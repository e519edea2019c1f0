package se.samband.demo.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An agency's case system as the demo plays it: a client of its connector's local REST API (bound to 127.0.0.1),
 * the only way the demo talks to Samband. Nothing here reaches into the hub.
 */
public final class ConnectorClient {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectorClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** {@code POST /api/v1/notices}: 202 {@code {noticeId, status}}. */
    public JsonNode submitNotice(ObjectNode notice) {
        return post("/api/v1/notices", notice);
    }

    /** {@code GET /api/v1/notices/{id}}: status, recipients with their outcome, history. */
    public JsonNode notice(String noticeId) {
        return get("/api/v1/notices/" + encode(noticeId));
    }

    /** {@code GET /api/v1/inbox?after=&limit=}: what the connector delivered to the case system. */
    public JsonNode inbox(String after, int limit) {
        return get("/api/v1/inbox?limit=" + limit + (after == null ? "" : "&after=" + encode(after)));
    }

    public JsonNode accept(String noticeId) {
        return post("/api/v1/inbox/" + encode(noticeId) + "/accept", JSON.createObjectNode());
    }

    public JsonNode decline(String noticeId, String reason) {
        return post("/api/v1/inbox/" + encode(noticeId) + "/decline", JSON.createObjectNode().put("reason", reason));
    }

    /** {@code POST /api/v1/consents}, proxied to the hub with the personnummer pseudonymised by the connector. */
    public JsonNode registerConsent(ObjectNode consent) {
        return post("/api/v1/consents", consent);
    }

    public JsonNode withdrawConsent(String consentId, ObjectNode withdrawal) {
        return post("/api/v1/consents/" + encode(consentId) + "/withdrawal", withdrawal);
    }

    /** {@code POST /api/v1/risk-flags} with the personnummer, which the connector pseudonymises: 201 the flag. */
    public JsonNode setRiskFlag(ObjectNode flag) {
        return post("/api/v1/risk-flags", flag);
    }

    /** {@code DELETE /api/v1/risk-flags/{flagId}}, passed on to the hub. */
    public JsonNode clearRiskFlag(String flagId) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/risk-flags/" + encode(flagId))).DELETE());
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json"));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept", "application/json").timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new ConnectorRefusal(built.method() + " " + built.uri().getPath(), response.statusCode(), body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A refusal by the connector (or the hub behind it): the status and the error body, which holds codes only. */
    public static final class ConnectorRefusal extends RuntimeException {
        private final int status;
        private final JsonNode body;

        ConnectorRefusal(String request, int status, JsonNode body) {
            super(request + " answered " + status + " " + body.path("code").asText("(no code)"));
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public JsonNode body() {
            return body;
        }
    }
}
