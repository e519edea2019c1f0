package se.samband.hub.held;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.AgencyClient;
import se.samband.hub.AgencyFlowTest;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.RegistryApi;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.security.seal.OpenedNotice;

/**
 * Held notices on the running hub, over TLS and mTLS with dev-PKI certificates: a CONSENT notice whose consent is not
 * registered is held (and the submission receipt says so); registering the consent through the API delivers the
 * same sealed notice to the recipient without anyone resending it; a hold whose window has ended escalates to the
 * sender with HOLD_EXPIRED. A release or expiry that was committed just before the hub stopped, with its row still
 * HELD, is not sent again: the row leaves HELD at the next sweep.
 */
class HeldNoticeFlowTest extends AgencyFlowTest {
    private static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;

    @Autowired
    HeldNotices heldNotices;
    @Autowired
    HeldProperties properties;

    @Test
    void heldNoticeReachesTheRecipientOnceItsConsentIsRegisteredWithoutBeingResent() throws Exception {
        String subject = PipelineFixture.pseudonym("held " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        byte[] payload = ("{\"release\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        NoticeHeader header = HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, consentId).build();
        RegistryApi api = new RegistryApi(port, PKI_DIR);

        HttpResponse<String> submitted = api.postNotice(FRIVARD, notices.seal(header, payload));

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode line = JSON.readTree(submitted.body()).path("recipients").get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("HELD");
        assertThat(line.path("reasonCode").asText()).isEqualTo("AWAITING_CONSENT");
        held().awaitState(header.noticeId(), "HELD");
        OffsetDateTime[] window = jdbc.queryForObject("SELECT held_at, hold_until FROM held_notice"
                + " WHERE notice_id = ?", (rs, i) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class)}, header.noticeId().toString());
        assertThat(Duration.between(window[0], window[1])).isEqualTo(properties.window());

        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(social.receive(selector(header), 500)).as("nothing before the consent").isEmpty();

            HttpResponse<String> registered = api.postJson(FRIVARD, "/api/v1/consents",
                    RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            List<Message> copies = social.receive(selector(header), 10_000);
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).getStringProperty("sender")).isEqualTo(FRIVARD.value());
            OpenedNotice opened = notices.open(BrokerProbe.body(copies.get(0)), SOCIAL);
            assertThat(opened.payload()).isEqualTo(payload);
            assertThat(opened.header().noticeId()).isEqualTo(header.noticeId());
        }
        held().awaitState(header.noticeId(), "RELEASED");
        List<String> trail = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT type FROM audit_entry WHERE notice_id = ? ORDER BY position", String.class,
                header.noticeId().toString()), types -> types.contains("NOTICE_DISPATCHED"));
        assertThat(trail).containsSubsequence("DISCLOSURE_DECIDED", "HOLD_RELEASED", "NOTICE_DISPATCHED");
    }

    @Test
    void holdWhoseWindowEndedEscalatesToTheSenderWithHoldExpired() throws Exception {
        NoticeHeader header = neverConsented("expiring");
        try (AgencyClient frivard = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR)) {
            heldThenExpired(frivard, header);

            List<Message> escalations = frivard.receive("type = 'ESCALATION' AND inReplyTo = '"
                    + header.noticeId() + "'", 10_000);
            assertThat(escalations).hasSize(1);
            OpenedNotice escalation = notices.open(BrokerProbe.body(escalations.get(0)), FRIVARD);
            assertThat(escalation.header().sender()).isEqualTo(ParticipantId.HUB);
            assertThat(escalation.header().reasonCode()).isEqualTo("HOLD_EXPIRED");
            assertThat(escalation.header().inReplyTo()).isEqualTo(header.noticeId());
            assertThat(JSON.readTree(escalation.payload()).path("recipient").asText()).isEqualTo(SOCIAL.value());
        }
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(social.receive(selector(header), 300)).as("never delivered").isEmpty();
        }
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT reason_code FROM audit_entry WHERE notice_id = ? AND type = 'HOLD_EXPIRED'", String.class,
                header.noticeId().toString()), codes -> !codes.isEmpty())).containsExactly("HOLD_EXPIRED");
    }

    @Test
    void releaseCommittedBeforeAStopIsNotSentAgainAndTheRowLeavesHeld() throws Exception {
        String subject = PipelineFixture.pseudonym("released once " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        NoticeHeader header = HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, consentId).build();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        assertThat(api.postNotice(FRIVARD, notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(202);
        held().awaitState(header.noticeId(), "HELD");
        assertThat(api.postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL)).statusCode()).isEqualTo(201);
        held().awaitState(header.noticeId(), "RELEASED");

        // As if the hub had stopped after the release's commit and before the row left HELD.
        backToHeld(header);
        heldNotices.sweep();

        assertThat(held().of(header.noticeId())).as("the refused plan counts as written").isEqualTo("RELEASED");
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(social.receive(selector(header), 3_000)).as("one copy, not two").hasSize(1);
        }
    }

    @Test
    void expiryCommittedBeforeAStopIsNotSentAgainAndTheRowLeavesHeld() throws Exception {
        NoticeHeader header = neverConsented("expired once");
        try (AgencyClient frivard = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR)) {
            heldThenExpired(frivard, header);

            backToHeld(header);
            heldNotices.expireDue();

            assertThat(held().of(header.noticeId())).as("the refused plan counts as written").isEqualTo("EXPIRED");
            assertThat(frivard.receive("type = 'ESCALATION' AND inReplyTo = '" + header.noticeId() + "'", 3_000))
                    .as("one escalation, not two").hasSize(1);
        }
    }

    /** A notice whose consent is never registered: the hub holds it. */
    private static NoticeHeader neverConsented(String subjectSeed) {
        String subject = PipelineFixture.pseudonym(subjectSeed + " " + UUID.randomUUID());
        return HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, "kvv-never-" + UUID.randomUUID()).build();
    }

    /** Submits the notice, waits until it is held, ends its window and runs the expiry. */
    private void heldThenExpired(AgencyClient frivard, NoticeHeader header) throws Exception {
        frivard.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
        held().awaitState(header.noticeId(), "HELD");
        // The window (14 days by default) has run out for this notice: move its end into the past.
        jdbc.update("UPDATE held_notice SET hold_until = ? WHERE notice_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), header.noticeId().toString());
        heldNotices.expireDue();
        assertThat(held().of(header.noticeId())).isEqualTo("EXPIRED");
    }

    private void backToHeld(NoticeHeader header) {
        assertThat(jdbc.update("UPDATE held_notice SET state = 'HELD' WHERE notice_id = ?",
                header.noticeId().toString())).isEqualTo(1);
    }

    private static String selector(NoticeHeader header) {
        return "noticeId = '" + header.noticeId() + "'";
    }
}
