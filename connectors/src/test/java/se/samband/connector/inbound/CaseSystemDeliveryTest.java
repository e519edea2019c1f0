package se.samband.connector.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.connector.config.ConnectorProperties;

class CaseSystemDeliveryTest {
    private final ObjectMapper json = new ObjectMapper();

    private static ConnectorProperties.Delivery settings(ConnectorProperties.DeliveryMode mode, URI webhook,
                                                         Path folder) {
        return new ConnectorProperties.Delivery(mode, webhook, folder, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(1));
    }

    @Test
    void postsEachNoticeToTheWebhookAndTreatsANon2xxAsNotDelivered() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(503);
        HttpServer caseSystem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        caseSystem.createContext("/samband", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        caseSystem.start();
        try {
            var delivery = new CaseSystemDelivery(settings(ConnectorProperties.DeliveryMode.WEBHOOK,
                    URI.create("http://127.0.0.1:" + caseSystem.getAddress().getPort() + "/samband"), null));
            var item = json.createObjectNode().put("noticeId", "n-1").put("type", "RELEASE_EFFECTED");

            assertThatThrownBy(() -> delivery.deliver("n-1", item)).isInstanceOf(IOException.class)
                    .hasMessageContaining("503");
            status.set(204);
            delivery.deliver("n-1", item);

            assertThat(bodies).hasSize(2);
            assertThat(json.readTree(bodies.get(1)).path("type").asText()).isEqualTo("RELEASE_EFFECTED");
        } finally {
            caseSystem.stop(0);
        }
    }

    @Test
    void writesOneWholeJsonFilePerNoticeIntoTheFolder(@TempDir Path folder) throws Exception {
        var delivery = new CaseSystemDelivery(settings(ConnectorProperties.DeliveryMode.FOLDER, null,
                folder.resolve("inbox")));
        delivery.deliver("n-2", json.createObjectNode().put("noticeId", "n-2"));

        try (var files = Files.list(folder.resolve("inbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("n-2.json");
        }
        assertThat(json.readTree(folder.resolve("inbox/n-2.json").toFile()).path("noticeId").asText())
                .isEqualTo("n-2");
    }
}
