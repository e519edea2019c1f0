package se.samband.connector.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import se.samband.connector.config.ConnectorProperties;

/**
 * Hands a received notice to the case system: POST to its webhook (any 2xx counts), or a JSON file
 * {@code <noticeId>.json} in the inbox folder (written to a temporary name and moved, so the case system never reads
 * half a file). In PULL mode the case system reads {@code GET /api/v1/inbox} and nothing is pushed.
 */
public class CaseSystemDelivery {
    private final ConnectorProperties.Delivery settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public CaseSystemDelivery(ConnectorProperties.Delivery settings) {
        this.settings = settings;
    }

    public void deliver(String noticeId, ObjectNode item) throws IOException, InterruptedException {
        byte[] body = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(item);
        switch (settings.mode()) {
            case WEBHOOK -> {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                        settings.webhookUrl().toString())).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("webhook answered " + response.statusCode());
                }
            }
            case FOLDER -> {
                Path folder = Files.createDirectories(settings.folder());
                Path temp = folder.resolve("." + noticeId + ".json.tmp");
                Files.write(temp, body);
                Files.move(temp, folder.resolve(noticeId + ".json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            case PULL -> {
                // the case system pulls
            }
            default -> throw new IllegalStateException("unknown delivery mode");
        }
    }
}
