package se.samband.hub.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.RegistryApi;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.ParticipantId;

/** The consent registry API over mTLS on the running hub: registration, validation, ownership, versions, withdrawal. */
class ConsentApiTest extends HubSpringTest {
    private static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId OTHER = HubNotices.POLICE_JONKOPING;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private RegistryApi api() {
        return new RegistryApi(port, PKI_DIR);
    }

    @Test
    void registersAConsentInTheCallersNameAndShowsItOnlyToParticipantsItConcerns() throws Exception {
        String subject = ConsentFixtures.newSubject();
        String consentId = "kvv-" + UUID.randomUUID();

        HttpResponse<String> created = api().postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(created.body());
        assertThat(view.path("consentId").asText()).isEqualTo(consentId);
        assertThat(view.path("version").asInt()).isEqualTo(1);
        assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.path("recordedBy").asText()).isEqualTo(FRIVARD.value());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_scope WHERE consent_id = ?", Integer.class,
                consentId)).isEqualTo(7);
        assertThat(consentIdsOf(FRIVARD, subject)).containsExactly(consentId);
        assertThat(consentIdsOf(SOCIAL, subject)).containsExactly(consentId);
        assertThat(consentIdsOf(OTHER, subject)).isEmpty();
        assertThat(awaitAudit(consentId + ":v1")).as("audited in the chain").containsExactly(FRIVARD.value());
    }

    @Test
    void refusesAnInvalidConsentWithEveryProblemAndRegistersNothing() throws Exception {
        String consentId = "kvv-" + UUID.randomUUID();
        ObjectNode body = RegistryApi.releaseConsent(consentId, ConsentFixtures.newSubject(), FRIVARD, SOCIAL);
        body.putArray("senders").add("polisen.nowhere");
        body.putArray("recipients").add("*");
        body.remove("validTo");
        body.putArray("dataCategories");

        HttpResponse<String> refused = api().postJson(FRIVARD, "/api/v1/consents", body);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("code").asText()).isEqualTo("consent_invalid");
        assertThat(error.path("noticeId").isNull()).isTrue();
        assertThat(problems(error)).contains(
                tuple("participant_unknown", "senders"),
                tuple("invalid_format", "recipients"),
                tuple("scope_empty", "recipients"),
                tuple("missing", "validTo"),
                tuple("scope_empty", "dataCategories"));
        assertThat(refused.body()).doesNotContain("*");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record WHERE consent_id = ?", Integer.class,
                consentId)).isZero();
    }

    @Test
    void refusesAnUnknownNoticeTypeAsAProblemOfItsField() throws Exception {
        ObjectNode body = RegistryApi.releaseConsent("kvv-" + UUID.randomUUID(), ConsentFixtures.newSubject(),
                FRIVARD, SOCIAL);
        body.putArray("noticeTypes").add("ANYTHING");

        HttpResponse<String> refused = api().postJson(FRIVARD, "/api/v1/consents", body);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(problems(JSON.readTree(refused.body()))).containsExactly(tuple("invalid_format", "noticeTypes"));
    }

    @Test
    void refusesAConsentIdShapedLikeAPersonalIdentityNumberWithoutRepeatingIt() throws Exception {
        String subject = ConsentFixtures.newSubject();
        ObjectNode body = RegistryApi.releaseConsent("kvv-19640823-3234", subject, FRIVARD, SOCIAL);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        HttpResponse<String> refused;
        HttpResponse<String> withdrawal;
        try {
            refused = api().postJson(FRIVARD, "/api/v1/consents", body);
            withdrawal = api().postJson(FRIVARD, "/api/v1/consents/19640823-3234/withdrawal",
                    JSON.createObjectNode().put("withdrawnVia", "PHONE"));
        } finally {
            root.detachAppender(log);
        }

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(problems(JSON.readTree(refused.body()))).containsExactly(tuple("invalid_format", "consentId"));
        assertThat(refused.body()).doesNotContain("3234");
        assertThat(consentIdsOf(FRIVARD, subject)).isEmpty();
        assertThat(withdrawal.statusCode()).as("no consent can have that id").isEqualTo(404);
        assertThat(withdrawal.body()).doesNotContain("3234");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("consent API request refused"))
                .noneMatch(line -> line.contains("3234"));
    }

    /** About one random UUID in 700 has groups of digits shaped like a personnummer; such an id is no person's. */
    @Test
    void registersAuditsAndWithdrawsAConsentIdMadeFromAUuidWhoseDigitsLookLikeAPersonnummer() throws Exception {
        String subject = ConsentFixtures.newSubject();
        String consentId = "kvv-" + UUID.randomUUID().toString().substring(0, 24) + "196408233234";

        HttpResponse<String> created = api().postJson(FRIVARD, "/api/v1/consents",
                RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL));
        HttpResponse<String> withdrawn = api().postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                JSON.createObjectNode().put("withdrawnVia", "PHONE"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        assertThat(awaitAudit(consentId + ":v1")).containsExactly(FRIVARD.value());
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("SELECT type FROM audit_entry"
                + " WHERE consent_id = ?", String.class, consentId + ":v2"), types -> !types.isEmpty()))
                .contains("CONSENT_WITHDRAWN");
    }

    @Test
    void refusesAConsentRegisteredInAnotherAgencysName() throws Exception {
        String subject = ConsentFixtures.newSubject();
        String consentId = "kvv-" + UUID.randomUUID();
        ObjectNode body = RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL).put("recordedBy",
                FRIVARD.value());

        HttpResponse<String> refused = api().postJson(OTHER, "/api/v1/consents", body);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("consent_not_yours");
        assertThat(consentIdsOf(FRIVARD, subject)).isEmpty();
    }

    @Test
    void onlyTheRecorderRegistersNewVersionsAndWithdrawsAndTheLatestVersionIsShown() throws Exception {
        String subject = ConsentFixtures.newSubject();
        String consentId = "kvv-" + UUID.randomUUID();
        ObjectNode body = RegistryApi.releaseConsent(consentId, subject, FRIVARD, SOCIAL);
        assertThat(api().postJson(FRIVARD, "/api/v1/consents", body).statusCode()).isEqualTo(201);
        assertThat(api().postJson(FRIVARD, "/api/v1/consents", body).statusCode()).as("version 1 exists")
                .isEqualTo(422);
        body.putArray("noticeTypes").add("RELEASE_CONTACT_CONSENT");

        HttpResponse<String> byOther = api().postJson(SOCIAL, "/api/v1/consents/" + consentId + "/versions", body);
        HttpResponse<String> byRecorder = api().postJson(FRIVARD, "/api/v1/consents/" + consentId + "/versions",
                body);

        assertThat(byOther.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(byOther.body()).path("code").asText()).isEqualTo("consent_not_yours");
        assertThat(byRecorder.statusCode()).as(byRecorder.body()).isEqualTo(201);
        assertThat(JSON.readTree(byRecorder.body()).path("version").asInt()).isEqualTo(2);
        JsonNode shown = JSON.readTree(api().get(SOCIAL, "/api/v1/consents?subject=" + subject).body()).get(0);
        assertThat(shown.path("version").asInt()).isEqualTo(2);
        assertThat(shown.path("noticeTypes")).extracting(JsonNode::asText).containsExactly("RELEASE_CONTACT_CONSENT");

        HttpResponse<String> withdrawnByOther = api().postJson(SOCIAL,
                "/api/v1/consents/" + consentId + "/withdrawal", JSON.createObjectNode().put("withdrawnVia", "PHONE"));
        HttpResponse<String> withdrawn = api().postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                JSON.createObjectNode().put("withdrawnVia", "PHONE"));
        HttpResponse<String> again = api().postJson(FRIVARD, "/api/v1/consents/" + consentId + "/withdrawal",
                JSON.createObjectNode());

        assertThat(withdrawnByOther.statusCode()).isEqualTo(403);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(withdrawn.body());
        assertThat(view.path("version").asInt()).isEqualTo(3);
        assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.path("withdrawnVia").asText()).isEqualTo("PHONE");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(problems(JSON.readTree(again.body()))).contains(tuple("already_withdrawn", "status"));
        assertThat(api().postJson(FRIVARD, "/api/v1/consents/no-such-consent/versions", body).statusCode())
                .isEqualTo(404);
    }

    private List<String> consentIdsOf(ParticipantId as, String subject) throws Exception {
        HttpResponse<String> response = api().get(as, "/api/v1/consents?subject=" + subject);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).findValuesAsText("consentId");
    }

    private List<String> awaitAudit(String consentId) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> jdbc.queryForList("SELECT actor FROM audit_entry WHERE type = 'CONSENT_REGISTERED'"
                        + " AND consent_id = ?", String.class, consentId), actors -> !actors.isEmpty());
    }

    private static List<Tuple> problems(JsonNode error) {
        List<Tuple> out = new ArrayList<>();
        error.path("problems").forEach(p -> out.add(tuple(p.path("code").asText(), p.path("field").asText())));
        return out;
    }
}
