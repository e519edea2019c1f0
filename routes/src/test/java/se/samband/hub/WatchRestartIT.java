package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.HubNotices.markerPayload;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * The respond-by times are kept in the handover table: the packaged hub is killed (SIGKILL) after two notices were
 * dispatched with a respond-by time 30 s ahead, one accepted and one not, and started again on the same data
 * directory (its watch polls every 30 s by default). Afterwards the unaccepted one escalates exactly once to its
 * escalation contact and to its sender, and the accepted one does not escalate.
 */
class WatchRestartIT {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;

    private final ObjectMapper json = new ObjectMapper();
    private HubProcess hub;

    @AfterEach
    void stopHub() throws InterruptedException {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void respondByTimesSurviveAKilledHubAndEscalateOnceAfterTheRestart() throws Exception {
        hub = new HubProcess(TestSupport.newDataDir("watch-restart"));
        hub.start();
        HubNotices notices = new HubNotices(hub.pkiDir());
        Instant respondBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30);
        NoticeHeader ignored = HubNotices.childConcern(POLICE, SOCIAL).respondBy(respondBy).build();
        NoticeHeader accepted = HubNotices.childConcern(POLICE, SOCIAL).respondBy(respondBy).build();

        try (AgencyClient police = new AgencyClient(POLICE, hub.brokerTlsPort, hub.pkiDir());
             AgencyClient social = new AgencyClient(SOCIAL, hub.brokerTlsPort, hub.pkiDir())) {
            police.submit(notices.seal(ignored, markerPayload()));
            police.submit(notices.seal(accepted, markerPayload()));
            assertThat(social.receive("noticeId = '" + ignored.noticeId() + "'", 20_000)).hasSize(1);
            assertThat(social.receive("noticeId = '" + accepted.noticeId() + "'", 20_000)).hasSize(1);
            NoticeHeader acceptance = HubNotices.receipt(SOCIAL, NoticeType.ACCEPTED, accepted.noticeId(), POLICE)
                    .build();
            social.submit(notices.seal(acceptance, markerPayload()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> state(ignored.noticeId()), "DELIVERED"::equals);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(accepted.noticeId()), "ACCEPTED"::equals);
        assertThat(Instant.now()).as("killed before the checks were due").isBefore(respondBy);

        hub.kill();
        hub.start();

        try (AgencyClient police = new AgencyClient(POLICE, hub.brokerTlsPort, hub.pkiDir());
             AgencyClient social = new AgencyClient(SOCIAL, hub.brokerTlsPort, hub.pkiDir())) {
            List<Message> toContact = social.receive(escalationsOf(ignored.noticeId()), 90_000);
            List<Message> toSender = police.receive(escalationsOf(ignored.noticeId()), 10_000);
            assertThat(toContact).hasSize(1);
            assertThat(toSender).hasSize(1);
            assertThat(notices.open(BrokerProbe.body(toContact.get(0)), SOCIAL).header().sender())
                    .isEqualTo(ParticipantId.HUB);
            assertThat(notices.open(BrokerProbe.body(toSender.get(0)), POLICE).header().inReplyTo())
                    .isEqualTo(ignored.noticeId());
            await().atMost(Duration.ofSeconds(20)).until(() -> state(ignored.noticeId()), "OVERDUE"::equals);

            // Both respond-by times passed before the same sweep: only the open handover escalated.
            assertThat(social.receive(escalationsOf(accepted.noticeId()), 3_000)).isEmpty();
            assertThat(police.receive(escalationsOf(accepted.noticeId()), 500)).isEmpty();
            assertThat(social.receive(escalationsOf(ignored.noticeId()), 500)).isEmpty();
            assertThat(state(accepted.noticeId())).isEqualTo("ACCEPTED");
        }
    }

    /** The handover state of the notice's one recipient, as its sender sees it over the HTTPS API. */
    private String state(UUID noticeId) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(AgencyTls.sslContext(
                AgencyTls.keyStore(hub.pkiDir(), POLICE), AgencyTls.trustStore(hub.pkiDir())))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + hub.apiPort + "/api/v1/notices/" + noticeId))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? "HTTP " + response.statusCode()
                : json.readTree(response.body()).path("recipients").get(0).path("state").asText();
    }

    private static String escalationsOf(UUID noticeId) {
        return "type = 'ESCALATION' AND inReplyTo = '" + noticeId + "'";
    }
}
