package se.samband.connector.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import se.samband.connector.ConnectorApplication;

/** A connector started in the test JVM against a hub, and a case system's HTTP client for its local API. */
final class LocalConnector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final String participant;
    final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    LocalConnector(String participant, HubProcess hub, Path dataDir, String... extra) {
        this.participant = participant;
        this.dataDir = dataDir;
        List<String> args = new ArrayList<>(List.of(
                "--samband.connector.participant-id=" + participant,
                "--samband.connector.data-dir=" + dataDir,
                "--samband.connector.pki.dir=" + hub.pkiDir(),
                "--samband.connector.hub.broker=127.0.0.1:" + hub.brokerTlsPort,
                "--samband.connector.hub.api-url=https://127.0.0.1:" + hub.apiPort,
                "--samband.connector.hub.reconnect-interval=500ms",
                "--samband.connector.outbox.poll-interval=200ms",
                "--samband.connector.outbox.first-retry=300ms",
                "--samband.connector.outbox.max-retry=2s",
                "--server.port=0",
                "--camel.main.name=connector-" + participant));
        args.addAll(List.of(extra));
        this.context = ConnectorApplication.start(args.toArray(String[]::new));
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) throws IOException, InterruptedException {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) throws IOException {
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
    }

    @Override
    public void close() {
        context.close();
    }
}
