package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.system.Endpoints;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.security.seal.OpenedNotice;

/**
 * End to end on the running hub: agencies connect with their dev-PKI client certificates over the TLS acceptor
 * (core JMS) and the HTTPS API (mTLS), the real pipeline decides, the recipient opens what it gets with its own
 * key, and the sender receives its submission receipt. One refusal per kind (admission, verification, routing).
 * Reading another participant's queue is refused by the broker: see AgencyBrokerAccessTest (transport).
 */
class DeliveryFlowTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId OTHER_POLICE = HubNotices.POLICE_JONKOPING;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private final HubNotices notices = new HubNotices(PKI_DIR);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noticeSentOverTlsReachesTheRecipientWhoOpensItAndTheSenderGetsItsReceipt() throws Exception {
        byte[] payload = ("{\"concern\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(header, payload));

            List<Message> copies = social.receive("noticeId = '" + header.noticeId() + "'", 20_000);
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).getStringProperty("sender")).isEqualTo(POLICE.value());
            OpenedNotice opened = notices.open(BrokerProbe.body(copies.get(0)), SOCIAL);
            assertThat(opened.payload()).isEqualTo(payload);
            assertThat(opened.header().noticeId()).isEqualTo(header.noticeId());

            List<Message> receipts = police.receive("inReplyTo = '" + header.noticeId() + "'", 10_000);
            assertThat(receipts).extracting(m -> m.getStringProperty("type")).containsExactly("SUBMISSION_RECEIPT");
        }
    }

    @Test
    void copiesOfANoticeSentTogetherAreDeliveredOnceAndTheOthersRefusedAsReplays() throws Exception {
        // Two copies of each of four notices, side by side in one producer transaction: the intake's consumers take
        // them at once, two copies in one inbox transaction or one each in two.
        List<NoticeHeader> headers = java.util.stream.Stream.generate(() -> HubNotices.childConcern(POLICE, SOCIAL)
                .build()).limit(4).toList();
        List<byte[]> containers = new java.util.ArrayList<>();
        for (NoticeHeader header : headers) {
            byte[] container = notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8));
            containers.add(container);
            containers.add(container);
        }

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            police.submitTogether(containers);

            for (NoticeHeader header : headers) {
                assertRejected(header.noticeId(), "replayed_notice");
                assertThat(social.receive("noticeId = '" + header.noticeId() + "'", 5_000)).hasSize(1);
                assertThat(police.receive("inReplyTo = '" + header.noticeId() + "'", 5_000))
                        .extracting(m -> m.getStringProperty("type"))
                        .containsExactlyInAnyOrder("SUBMISSION_RECEIPT", "REJECTED");
            }
        }
    }

    @Test
    void noticeSentAsSomeoneElseOverTlsIsRejectedAsSenderMismatch() throws Exception {
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();

        try (AgencyClient impostor = new AgencyClient(OTHER_POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            impostor.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
        }

        assertRejected(header.noticeId(), "sender_mismatch");
        assertThat(new BrokerProbe(connectionFactory, broker)
                .drainNotice(Endpoints.agencyInbox(SOCIAL), header.noticeId(), 300)).isEmpty();
    }

    @Test
    void oneRefusalPerKindReachesRejectedWithItsCode() throws Exception {
        // Admission: not a container at all. Verification: a header signed by another participant's key.
        // Routing: a recipient the federation does not know (sealed for a real key, as a connector could).
        NoticeHeader forged = HubNotices.childConcern(POLICE, SOCIAL).build();
        NoticeHeader unknownRecipient = HubNotices.childConcern(POLICE, ParticipantId.of("socialtjanst.nowhere"))
                .build();
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.sealAs(OTHER_POLICE, forged, "{}".getBytes(StandardCharsets.UTF_8)));
            police.submit(notices.sealFor(unknownRecipient, "{}".getBytes(StandardCharsets.UTF_8), List.of(SOCIAL)));
        }
        assertRejected(forged.noticeId(), "sender_mismatch", "signer_mismatch", "signature_invalid");
        assertRejected(unknownRecipient.noticeId(), "recipient_unknown");

        byte[] notJson = ("not a notice " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notJson);
        }
        Message rejected = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message message : new BrokerProbe(connectionFactory, broker)
                    .drain(Endpoints.HUB_REJECTED, "sender = '" + POLICE.value() + "'", 500)) {
                if (message instanceof jakarta.jms.BytesMessage
                        && java.util.Arrays.equals(BrokerProbe.body(message), notJson)) {
                    return message;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(rejected.getStringProperty("code")).isEqualTo("malformed_json");
    }

    @Test
    void noticePostedOverMutualTlsIsCommittedBeforeThe202AndTheSenderCanFollowIt() throws Exception {
        byte[] payload = ("{\"concern\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();

        HttpResponse<String> response = post(POLICE, notices.seal(header, payload));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json.readTree(response.body());
        assertThat(receipt.path("noticeId").asText()).isEqualTo(header.noticeId().toString());
        assertThat(receipt.path("recipients").get(0).path("recipient").asText()).isEqualTo(SOCIAL.value());
        assertThat(receipt.path("recipients").get(0).path("outcome").asText()).isEqualTo("DELIVERED");
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            List<Message> copies = social.receive("noticeId = '" + header.noticeId() + "'", 1_000);
            assertThat(copies).as("committed before the answer").hasSize(1);
            assertThat(notices.open(BrokerProbe.body(copies.get(0)), SOCIAL).payload()).isEqualTo(payload);
        }

        HttpResponse<String> found = await().atMost(Duration.ofSeconds(20))
                .until(() -> get(POLICE, header.noticeId()), r -> r.statusCode() == 200);
        JsonNode status = json.readTree(found.body());
        assertThat(status.path("recipients").get(0).path("recipient").asText()).isEqualTo(SOCIAL.value());
        assertThat(status.path("recipients").get(0).path("state").asText()).isEqualTo("DELIVERED");
        HttpResponse<String> forRecipient = get(SOCIAL, header.noticeId());
        assertThat(forRecipient.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forRecipient.body()).path("code").asText()).isEqualTo("not_notice_sender");
    }

    @Test
    void noticePostedAsSomeoneElseIsRefused403SenderMismatch() throws Exception {
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();

        HttpResponse<String> response = post(OTHER_POLICE, notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("code").asText()).isEqualTo("sender_mismatch");
        assertThat(error.path("noticeId").asText()).isEqualTo(header.noticeId().toString());
        assertRejected(header.noticeId(), "sender_mismatch");
    }

    private void assertRejected(UUID noticeId, String... codes) throws Exception {
        List<Message> rejected = await().atMost(Duration.ofSeconds(20)).until(
                () -> new BrokerProbe(connectionFactory, broker).drainNotice(Endpoints.HUB_REJECTED, noticeId, 300),
                messages -> !messages.isEmpty());
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getStringProperty("code")).isIn((Object[]) codes);
    }

    private HttpResponse<String> post(ParticipantId as, byte[] container) throws Exception {
        return client(as).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/notices"))
                        .header("Content-Type", SealedNotice.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(container))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ParticipantId as, UUID noticeId) throws Exception {
        return client(as).send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + port + "/api/v1/notices/" + noticeId))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient client(ParticipantId as) {
        return HttpClient.newBuilder().sslContext(AgencyTls.sslContext(AgencyTls.keyStore(PKI_DIR, as),
                AgencyTls.trustStore(PKI_DIR))).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
