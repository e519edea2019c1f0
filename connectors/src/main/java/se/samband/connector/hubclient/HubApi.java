package se.samband.connector.hubclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The hub's HTTPS API with the participant's client certificate (mTLS). Answers are handed back as they are, status
 * and body; only a failed connection or a 5xx answer becomes {@link HubUnreachable}.
 */
public class HubApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final URI base;
    private final HttpClient http;

    public HubApi(URI base, SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** A hub answer: HTTP status, content type and body. */
    public record Answer(int status, String contentType, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(resolve(pathAndQuery)).GET());
    }

    public Answer send(String method, String pathAndQuery, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery)).method(method, body);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private URI resolve(String pathAndQuery) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Accept", "application/json, */*").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HubUnreachable("hub API " + base + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnreachable("interrupted while calling the hub API", e);
        }
        if (response.statusCode() >= 500) {
            throw new HubUnreachable("hub API answered " + response.statusCode(), null);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
