package se.samband.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A person's HTTPS client for the people port in tests: trusts the dev PKI's CA (the hub's server certificate), sends
 * no client certificate, and logs in with HTTP Basic, sent pre-emptively as scripts do. {@link HubSpringTest} creates
 * the accounts {@link #OPERATOR} and {@link #SECURITY_OFFICER} with the passwords here and hands out clients for them.
 * <pre>
 * HttpResponse&lt;String&gt; response = securityOfficer().postJson("/api/v1/security/pseudonyms", "{...}");
 * </pre>
 */
public final class PeopleClient {
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-test-password";
    public static final String SECURITY_OFFICER = "security";
    public static final String SECURITY_OFFICER_PASSWORD = "security-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http;
    private final String authorization;

    /** A client for this account; a null user name sends no credentials at all. */
    public PeopleClient(int port, Path pkiDir, String username, String password) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .sslContext(AgencyTls.sslContext(null, AgencyTls.trustStore(pkiDir)))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request to this path with the login set; add method and body, then {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's exact bytes, e.g. of an export whose digest is audited. */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a JSON answer. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
