package se.samband.hub.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.AgencyClient;
import se.samband.hub.AgencyFlowTest;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.RegistryApi;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.hub.held.HeldNotices;
import se.samband.hub.receipt.HubReceipts;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.seal.OpenedNotice;

/**
 * Scenario 7 on the running hub, over TLS and mTLS with dev-PKI certificates: a notice on a consent reaches its
 * recipient; the consent is withdrawn through the API; the recipient gets one hub-signed CONSENT_WITHDRAWN, however
 * often the fan-out runs; a notice sent on the withdrawn consent afterwards is refused, and the sender's receipt
 * says why; a notice held on the consent (here by a risk flag) stays held when the flag is cleared.
 */
class WithdrawalFlowTest extends AgencyFlowTest {
    private static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;

    @Autowired
    WithdrawalNotices withdrawalNotices;
    @Autowired
    DispatchWriter writer;
    @Autowired
    HeldNotices heldNotices;
    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void withdrawalTellsEarlierRecipientsOnceAndRefusesLaterNoticesOnTheConsent() throws Exception {
        String subject = PipelineFixture.pseudonym("withdrawing " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        HttpResponse<String> registered = api.postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        NoticeHeader first = releaseNotice(subject, consentId);
        UUID withdrawnNoticeId = HubReceipts.consentWithdrawnId(consentId, SOCIAL);

        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient frivard = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR)) {
            HttpResponse<String> sent = api.postNotice(FRIVARD, notices.seal(first, payload()));
            assertThat(outcome(sent)).isEqualTo("DELIVERED");
            assertThat(social.receive("noticeId = '" + first.noticeId() + "'", 10_000)).hasSize(1);
            // The recipients are read from the audit trail, which follows the broker within moments.
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM audit_entry WHERE"
                    + " notice_id = ? AND type = 'NOTICE_DISPATCHED'", first.noticeId()) == 1);

            HttpResponse<String> withdrawn = api.postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                    JSON.createObjectNode().put("withdrawnVia", "PHONE"));
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);

            List<Message> told = social.receive("type = 'CONSENT_WITHDRAWN'"
                    + " AND noticeId = '" + withdrawnNoticeId + "'", 10_000);
            assertThat(told).hasSize(1);
            OpenedNotice opened = notices.open(BrokerProbe.body(told.get(0)), SOCIAL);
            assertThat(opened.header().sender()).isEqualTo(ParticipantId.HUB);
            assertThat(opened.header().type()).isEqualTo(NoticeType.CONSENT_WITHDRAWN);
            assertThat(opened.header().legalBasis().consentId()).isEqualTo(consentId);
            JsonNode body = JSON.readTree(opened.payload());
            assertThat(body.path("consentId").asText()).isEqualTo(consentId);
            assertThat(body.path("version").asInt()).isEqualTo(2);
            assertThat(body.path("subjectPseudonym").asText()).isEqualTo(subject);
            assertThat(Instant.parse(body.path("withdrawnAt").asText())).isBefore(Instant.now().plusSeconds(1));

            // Once only: the fan-out and its follow-up run again and send nothing more.
            await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM consent_withdrawal_notice"
                    + " WHERE consent_id = ?", consentId) == 1);
            assertThat(withdrawalNotices.fanOut(consentId)).isZero();
            withdrawalNotices.followUp();
            assertThat(social.receive("type = 'CONSENT_WITHDRAWN' AND noticeId = '" + withdrawnNoticeId + "'", 300))
                    .as("no second CONSENT_WITHDRAWN").isEmpty();

            // A notice still to come on the withdrawn consent is refused; the sender's receipt says why.
            NoticeHeader later = releaseNotice(subject, consentId);
            HttpResponse<String> refused = api.postNotice(FRIVARD, notices.seal(later, payload()));
            assertThat(outcome(refused)).isEqualTo("DENIED");
            assertThat(JSON.readTree(refused.body()).path("recipients").get(0).path("reasonCode").asText())
                    .isEqualTo("consent_withdrawn");
            List<Message> receipts = frivard.receive("type = 'SUBMISSION_RECEIPT' AND inReplyTo = '"
                    + later.noticeId() + "'", 10_000);
            assertThat(receipts).hasSize(1);
            JsonNode line = JSON.readTree(notices.open(BrokerProbe.body(receipts.get(0)), FRIVARD).payload())
                    .path("recipients").get(0);
            assertThat(line.path("outcome").asText()).isEqualTo("DENIED");
            assertThat(line.path("reasonCode").asText()).isEqualTo("consent_withdrawn");
            assertThat(social.receive("noticeId = '" + later.noticeId() + "'", 300)).isEmpty();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM audit_entry WHERE notice_id = ?"
                + " AND type = 'NOTICE_DISPATCHED' AND notice_type = 'CONSENT_WITHDRAWN'", withdrawnNoticeId) == 1);
        assertThat(jdbc.queryForObject("SELECT consent_id FROM audit_entry WHERE notice_id = ?", String.class,
                withdrawnNoticeId.toString())).isEqualTo(consentId + ":v2");
    }

    @Test
    void followUpTellsARecipientWhoseDeliveryReachedTheTrailAfterTheWithdrawal() throws Exception {
        String subject = PipelineFixture.pseudonym("late trail " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        assertThat(api.postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL)).statusCode()).isEqualTo(201);
        assertThat(api.postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                JSON.createObjectNode()).statusCode()).isEqualTo(201);
        assertThat(withdrawalNotices.fanOut(consentId)).as("nobody received anything on it yet").isZero();

        // A delivery decided just before the withdrawal whose audit event reaches the trail only now.
        permittedOnTheTrail(consentId, subject, SOCIAL);

        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            withdrawalNotices.followUp();
            assertThat(social.receive("type = 'CONSENT_WITHDRAWN' AND noticeId = '"
                    + HubReceipts.consentWithdrawnId(consentId, SOCIAL) + "'", 10_000)).hasSize(1);
        }
        assertThat(count("SELECT COUNT(*) FROM consent_withdrawal_notice WHERE consent_id = ?", consentId))
                .isEqualTo(1);
    }

    @Test
    void noticeHeldOnAConsentStaysHeldOnceTheConsentIsWithdrawn() throws Exception {
        ParticipantId police = HubNotices.POLICE_JONKOPING;
        ParticipantId social = HubNotices.SOC_JONKOPING;
        String subject = PipelineFixture.pseudonym("held then withdrawn " + UUID.randomUUID());
        String consentId = "pol-" + UUID.randomUUID();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        assertThat(api.postJson(police, "/api/v1/consents", RegistryApi.supportOfferConsent(consentId, subject,
                police, social, DataCategory.CONTACT_DETAILS)).statusCode()).isEqualTo(201);
        HttpResponse<String> flag = api.postJson(police, "/api/v1/risk-flags",
                RegistryApi.riskFlag(subject, Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(flag.statusCode()).as(flag.body()).isEqualTo(201);
        NoticeHeader offer = HubNotices.supportOffer(police, social, subject, consentId)
                .dataCategories(Set.of(DataCategory.CONTACT_DETAILS)).build();
        assertThat(outcome(api.postNotice(police, notices.seal(offer, payload())))).isEqualTo("HELD");
        held().awaitState(offer.noticeId(), "HELD");

        assertThat(api.postJson(police, "/api/v1/consents/" + consentId + "/withdrawal", JSON.createObjectNode())
                .statusCode()).isEqualTo(201);
        HttpResponse<String> cleared = api.delete(police, "/api/v1/risk-flags/"
                + JSON.readTree(flag.body()).path("flagId").asText());
        assertThat(cleared.statusCode()).isEqualTo(200);
        heldNotices.sweep();

        assertThat(held().of(offer.noticeId())).as("the withdrawn consent keeps it back").isEqualTo("HELD");
        try (AgencyClient recipient = new AgencyClient(social, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(recipient.receive("noticeId = '" + offer.noticeId() + "'", 500)).isEmpty();
        }
    }

    @Test
    void aRecipientToldBeforeAStopDoesNotKeepANewRecipientFromBeingTold() throws Exception {
        ParticipantId newRecipient = HubNotices.SOC_JONKOPING;
        String subject = PipelineFixture.pseudonym("told before a stop " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        assertThat(api.postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL)).statusCode()).isEqualTo(201);
        permittedOnTheTrail(consentId, subject, SOCIAL);
        assertThat(api.postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                JSON.createObjectNode()).statusCode()).isEqualTo(201);

        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient jonkoping = new AgencyClient(newRecipient, BROKER_TLS_PORT, PKI_DIR)) {
            String toSocial = "type = 'CONSENT_WITHDRAWN' AND noticeId = '"
                    + HubReceipts.consentWithdrawnId(consentId, SOCIAL) + "'";
            await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM"
                    + " consent_withdrawal_notice WHERE consent_id = ?", consentId) == 1);
            assertThat(social.receive(toSocial, 10_000)).hasSize(1);
            // A stop after the broker's commit and before the record of whom the hub told; meanwhile a second
            // earlier recipient reaches the trail.
            jdbc.update("DELETE FROM consent_withdrawal_notice WHERE consent_id = ?", consentId);
            permittedOnTheTrail(consentId, subject, newRecipient);

            withdrawalNotices.followUp();

            assertThat(jonkoping.receive("type = 'CONSENT_WITHDRAWN' AND noticeId = '"
                    + HubReceipts.consentWithdrawnId(consentId, newRecipient) + "'", 10_000)).hasSize(1);
            assertThat(social.receive(toSocial, 300)).as("no second CONSENT_WITHDRAWN").isEmpty();
        }
        assertThat(count("SELECT COUNT(*) FROM consent_withdrawal_notice WHERE consent_id = ?", consentId))
                .as("both recorded as told").isEqualTo(2);
        assertThat(withdrawalNotices.fanOut(consentId)).isZero();
    }

    /**
     * A delivery to {@code recipient} on the consent, permitted just before the withdrawal, whose audit event
     * reaches the trail only now; returns once the audit writer has stored it.
     */
    private void permittedOnTheTrail(String consentId, String subject, ParticipantId recipient) throws Exception {
        UUID late = UUID.randomUUID();
        AuditEvent dispatched = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, Instant.now(), "samband.hub")
                .noticeId(late).counterpart(recipient.value()).noticeType(NoticeType.RELEASE_CONTACT_CONSENT)
                .subjectPseudonyms(List.of(subject)).decision(AuditDecision.PERMIT)
                .legalBasis(LegalBasisCode.CONSENT).consentId(consentId).build();
        OwnTransaction.commit(new DispatchPlan(late, List.of(), List.of(), List.of(), List.of(dispatched), List.of(),
                null), writer, connectionFactory);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM audit_entry WHERE"
                + " notice_id = ?", late) == 1);
    }

    private static NoticeHeader releaseNotice(String subject, String consentId) {
        return HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, consentId).build();
    }

    private static byte[] payload() {
        return ("{\"release\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String outcome(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("recipients").get(0).path("outcome").asText();
    }

    private long count(String sql, Object... args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].toString();
        }
        return jdbc.queryForObject(sql, Long.class, values);
    }
}
