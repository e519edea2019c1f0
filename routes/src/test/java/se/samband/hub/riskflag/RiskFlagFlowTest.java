package se.samband.hub.riskflag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.RegistryApi.riskFlag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.AgencyClient;
import se.samband.hub.AgencyFlowTest;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.RegistryApi;
import se.samband.hub.consent.CachingConsentStore;
import se.samband.hub.held.HeldNotices;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.security.seal.OpenedNotice;

/**
 * Scenario 3 (Jönköping) on the running hub, over TLS and mTLS with dev-PKI certificates: social services flag the
 * perpetrator; the police's support offer is held and the police's receipt says why; clearing the flag delivers the
 * same sealed offer without a resend; a flag that runs out releases through the held store's sweep. Only the police
 * and social services may set or clear flags.
 */
class RiskFlagFlowTest extends AgencyFlowTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_JONKOPING;
    private static final ParticipantId SOCIAL = HubNotices.SOC_JONKOPING;

    @Autowired
    HeldNotices heldNotices;
    @Autowired
    RiskFlags riskFlags;
    @Autowired
    CachingConsentStore cache;

    @Test
    void supportOfferIsHeldWhileTheFlagIsSetAndDeliveredWhenItIsCleared() throws Exception {
        String subject = PipelineFixture.pseudonym("flagged " + UUID.randomUUID());
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        String consentId = registerSupportConsent(api, subject);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> set = api.postJson(SOCIAL, "/api/v1/risk-flags", riskFlag(subject, until));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        JsonNode flag = JSON.readTree(set.body());
        assertThat(flag.path("setBy").asText()).isEqualTo(SOCIAL.value());
        assertThat(flag.path("active").asBoolean()).isTrue();
        assertThat(cache.isCached(subject)).as("the topic emptied the cache").isFalse();
        String flagId = flag.path("flagId").asText();

        byte[] payload = ("{\"interview\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        NoticeHeader offer = supportOffer(subject, consentId);
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            HttpResponse<String> submitted = api.postNotice(POLICE, notices.seal(offer, payload));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            JsonNode line = JSON.readTree(submitted.body()).path("recipients").get(0);
            assertThat(line.path("outcome").asText()).isEqualTo("HELD");
            assertThat(line.path("reasonCode").asText()).isEqualTo("RISK_FLAG_ACTIVE");
            List<Message> receipts = police.receive("type = 'SUBMISSION_RECEIPT' AND inReplyTo = '"
                    + offer.noticeId() + "'", 10_000);
            assertThat(receipts).hasSize(1);
            JsonNode told = JSON.readTree(notices.open(BrokerProbe.body(receipts.get(0)), POLICE).payload())
                    .path("recipients").get(0);
            assertThat(told.path("outcome").asText()).isEqualTo("HELD");
            assertThat(told.path("reasonCode").asText()).isEqualTo("RISK_FLAG_ACTIVE");
            assertThat(told.path("flagReasonCode").asText()).isEqualTo("CONTACT_UNSAFE");
            assertThat(Instant.parse(told.path("holdUntil").asText())).isEqualTo(until);
            held().awaitState(offer.noticeId(), "HELD");
            assertThat(social.receive("noticeId = '" + offer.noticeId() + "'", 300)).as("held").isEmpty();

            HttpResponse<String> cleared = api.delete(POLICE, "/api/v1/risk-flags/" + flagId);
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            assertThat(JSON.readTree(cleared.body()).path("active").asBoolean()).isFalse();
            assertThat(JSON.readTree(cleared.body()).path("clearedBy").asText()).isEqualTo(POLICE.value());

            List<Message> copies = social.receive("noticeId = '" + offer.noticeId() + "'", 10_000);
            assertThat(copies).hasSize(1);
            OpenedNotice opened = notices.open(BrokerProbe.body(copies.get(0)), SOCIAL);
            assertThat(opened.payload()).isEqualTo(payload);
        }
        held().awaitState(offer.noticeId(), "RELEASED");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT reason_code FROM audit_entry WHERE notice_id = ? AND type = 'HOLD_RELEASED'", String.class,
                offer.noticeId().toString()), codes -> !codes.isEmpty())).containsExactly("RISK_FLAG_ENDED");
        List<String> flagTrail = await().atMost(Duration.ofSeconds(20)).until(() -> flagEvents(subject),
                events -> events.size() == 2);
        assertThat(flagTrail).containsExactly("RISK_FLAG_SET|SUCCESS|" + SOCIAL.value() + "|CONTACT_UNSAFE",
                "RISK_FLAG_CLEARED|SUCCESS|" + POLICE.value() + "|CLEARED");
    }

    @Test
    void flagThatRunsOutReleasesTheHeldOfferThroughTheSweep() throws Exception {
        String subject = PipelineFixture.pseudonym("running out " + UUID.randomUUID());
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        String consentId = registerSupportConsent(api, subject);
        Instant until = Instant.now().plusSeconds(3);
        assertThat(api.postJson(POLICE, "/api/v1/risk-flags", riskFlag(subject, until)).statusCode()).isEqualTo(201);

        NoticeHeader offer = supportOffer(subject, consentId);
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            HttpResponse<String> submitted = api.postNotice(POLICE, notices.seal(offer, "{}".getBytes(
                    StandardCharsets.UTF_8)));
            assertThat(JSON.readTree(submitted.body()).path("recipients").get(0).path("outcome").asText())
                    .as(submitted.body()).isEqualTo("HELD");
            held().awaitState(offer.noticeId(), "HELD");

            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(until));
            heldNotices.sweep();
            riskFlags.recordEnded();

            assertThat(social.receive("noticeId = '" + offer.noticeId() + "'", 10_000)).hasSize(1);
        }
        held().awaitState(offer.noticeId(), "RELEASED");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> flagEvents(subject),
                events -> events.size() == 2)).containsExactly(
                "RISK_FLAG_SET|SUCCESS|" + POLICE.value() + "|CONTACT_UNSAFE",
                "RISK_FLAG_CLEARED|SUCCESS|samband.hub|EXPIRED");
    }

    @Test
    void onlyPoliceAndSocialServicesMaySetOrClearAndBadFlagsAreRefusedWithEveryProblem() throws Exception {
        String subject = PipelineFixture.pseudonym("not yours " + UUID.randomUUID());
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        Instant until = Instant.now().plus(7, ChronoUnit.DAYS);

        HttpResponse<String> byProbation = api.postJson(PipelineFixture.FRIVARD, "/api/v1/risk-flags",
                riskFlag(subject, until));
        assertThat(byProbation.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(byProbation.body()).path("code").asText()).isEqualTo("risk_flag_not_permitted");

        HttpResponse<String> set = api.postJson(POLICE, "/api/v1/risk-flags", riskFlag(subject, until));
        String flagId = JSON.readTree(set.body()).path("flagId").asText();
        HttpResponse<String> clearByProbation = api.delete(PipelineFixture.FRIVARD, "/api/v1/risk-flags/" + flagId);
        assertThat(clearByProbation.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(clearByProbation.body()).path("code").asText())
                .isEqualTo("risk_flag_not_permitted");
        HttpResponse<String> unknown = api.delete(POLICE, "/api/v1/risk-flags/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("risk_flag_not_found");

        ObjectNode bad = JSON.createObjectNode().put("subjectPseudonym", "640823-3234")
                .put("until", Instant.now().minusSeconds(60).toString()).put("reasonCode", "contact unsafe");
        HttpResponse<String> invalid = api.postJson(POLICE, "/api/v1/risk-flags", bad);
        assertThat(invalid.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(invalid.body());
        assertThat(body.path("code").asText()).isEqualTo("risk_flag_invalid");
        assertThat(body.toString()).doesNotContain("640823");
        assertThat(body.path("problems").findValuesAsText("field"))
                .containsExactlyInAnyOrder("subjectPseudonym", "until", "reasonCode");
        HttpResponse<String> tooLong = api.postJson(POLICE, "/api/v1/risk-flags",
                riskFlag(subject, Instant.now().plus(400, ChronoUnit.DAYS)));
        assertThat(JSON.readTree(tooLong.body()).path("problems").get(0).path("code").asText())
                .isEqualTo("period_too_long");

        HttpResponse<String> noSubject = api.get(POLICE, "/api/v1/risk-flags");
        assertThat(noSubject.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noSubject.body()).path("problems").get(0).path("field").asText())
                .isEqualTo("subject");

        HttpResponse<String> listed = api.get(PipelineFixture.FRIVARD, "/api/v1/risk-flags?subject=" + subject);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode flags = JSON.readTree(listed.body());
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).path("flagId").asText()).isEqualTo(flagId);
        assertThat(flags.get(0).path("active").asBoolean()).isTrue();

        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> flagEvents(subject),
                events -> events.size() == 3)).containsExactly(
                "RISK_FLAG_SET|FAILED|" + PipelineFixture.FRIVARD.value() + "|risk_flag_not_permitted",
                "RISK_FLAG_SET|SUCCESS|" + POLICE.value() + "|CONTACT_UNSAFE",
                "RISK_FLAG_CLEARED|FAILED|" + PipelineFixture.FRIVARD.value() + "|risk_flag_not_permitted");
    }

    /** A consent the police recorded: they may send social services support offers about {@code subject}. */
    private static String registerSupportConsent(RegistryApi api, String subject) throws Exception {
        String consentId = "pol-" + UUID.randomUUID();
        HttpResponse<String> registered = api.postJson(POLICE, "/api/v1/consents", RegistryApi.supportOfferConsent(
                consentId, subject, POLICE, SOCIAL, DataCategory.CONTACT_DETAILS, DataCategory.HOUSEHOLD,
                DataCategory.LANGUAGE_NEEDS));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return consentId;
    }

    private static NoticeHeader supportOffer(String subject, String consentId) {
        return HubNotices.supportOffer(POLICE, SOCIAL, subject, consentId).build();
    }

    /** The risk-flag events about a subject, oldest first, as type|outcome|actor|reason. */
    private List<String> flagEvents(String subject) {
        return jdbc.queryForList("SELECT e.type || '|' || e.outcome || '|' || e.actor || '|' || e.reason_code"
                + " FROM audit_entry e JOIN audit_subject s ON s.position = e.position WHERE s.pseudonym = ?"
                + " AND e.type LIKE 'RISK_FLAG_%' ORDER BY e.position", String.class, subject);
    }
}
