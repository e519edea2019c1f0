package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import se.samband.hub.broker.HubInternalUser;
import se.samband.hub.system.Endpoints;
import se.samband.security.federation.Federation;

class HubApplicationTest extends HubSpringTest {

    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void healthIsUpWithBrokerDatabaseAndDirectory() throws Exception {
        HttpResponse<String> response = management("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode components = health.path("components");
        for (String component : List.of("broker", "db", "directory")) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        JsonNode broker = components.path("broker").path("details");
        assertThat(broker.path("acceptorPort").asInt()).isEqualTo(BROKER_PORT);
        assertThat(broker.path("tlsAcceptorPort").asInt()).isEqualTo(BROKER_TLS_PORT);
        assertThat(broker.path("journalType").asText()).isEqualTo("NIO");
        assertThat(broker.path("queueCount").asInt()).isGreaterThanOrEqualTo(Endpoints.HUB_QUEUES.size());
        Federation demo = TestSupport.demoFederation();
        JsonNode directory = components.path("directory").path("details");
        assertThat(directory.path("federationId").asText()).isEqualTo(demo.info().id());
        assertThat(directory.path("version").asText()).isEqualTo(demo.info().version());
        assertThat(directory.path("participants").asInt()).isEqualTo(demo.participants().size());
    }

    @Test
    void infoEndpointIsExposedAndOtherEndpointsAreNot() throws Exception {
        assertThat(management("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(management("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(management("/actuator/beans").statusCode()).isEqualTo(404);
    }

    @Test
    void flywayAppliedV1AndTheDemoFederationIsRecorded() {
        List<String> versions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                        + " ORDER BY installed_rank", String.class);
        assertThat(versions).startsWith("1");

        Federation demo = TestSupport.demoFederation();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT federation_version, file_sha256, participant_count, source, loaded_at FROM federation_load"
                        + " WHERE federation_id = ?", demo.info().id());
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("federation_version")).isEqualTo(demo.info().version());
        assertThat(row.get("file_sha256")).isEqualTo(TestSupport.sha256Hex(TestSupport.demoFederationBytes()));
        assertThat(((Number) row.get("participant_count")).intValue()).isEqualTo(demo.participants().size());
        assertThat(row.get("source")).isEqualTo("classpath:samband/demo/federation.yaml");
        assertThat(row.get("loaded_at")).isInstanceOf(OffsetDateTime.class);
    }

    /** On samband.hub.expired, which no route consumes: the intake route takes everything on the inbox. */
    @Test
    void persistentMessageMakesARoundTripOnAHubQueueThroughTheInVmFactory() throws Exception {
        String marker = UUID.randomUUID().toString();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        Queue inbox = broker.getActiveMQServer().locateQueue(SimpleString.of(Endpoints.HUB_EXPIRED));
        long before = inbox.getMessageCount();

        jms.send(Endpoints.HUB_EXPIRED, session -> {
            TextMessage message = session.createTextMessage("round trip " + marker);
            message.setStringProperty("testMarker", marker);
            return message;
        });
        assertThat(inbox.isDurable()).isTrue();
        assertThat(inbox.getMessageCount()).isEqualTo(before + 1);
        Message received = jms.receiveSelected(Endpoints.HUB_EXPIRED, "testMarker = '" + marker + "'");

        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo("round trip " + marker);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    void plainTcpAcceptorRefusesAConnectionWithoutTheHubInternalLogin() {
        try (ActiveMQConnectionFactory tcp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)) {
            assertThatThrownBy(() -> tcp.createConnection().close()).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> tcp.createConnection(HubInternalUser.NAME, "guessed").close())
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void plainTcpAcceptorTakesCoreJmsConnectionsOfTheHubInternalUser() throws Exception {
        String marker = UUID.randomUUID().toString();
        String password = Files.readString(HubInternalUser.passwordFile(DATA_DIR)).strip();
        assertThat(Files.getPosixFilePermissions(HubInternalUser.passwordFile(DATA_DIR)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (ActiveMQConnectionFactory tcp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
             Connection connection = tcp.createConnection(HubInternalUser.NAME, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // Not the inbox: the intake route consumes that.
            jakarta.jms.Queue inbox = session.createQueue(Endpoints.HUB_EXPIRED);
            TextMessage message = session.createTextMessage("over tcp " + marker);
            message.setStringProperty("testMarker", marker);
            session.createProducer(inbox).send(message);

            MessageConsumer consumer = session.createConsumer(inbox, "testMarker = '" + marker + "'");
            Message received = consumer.receive(10_000);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("over tcp " + marker);
        }
    }

    /** Operators reach health and info over plain HTTP on the management port, without a certificate. */
    private HttpResponse<String> management(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
