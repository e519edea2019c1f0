package se.samband.hub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;

/**
 * The security officer API on the running hub, over HTTPS on the people port, with its own audit events observed in
 * the hash-chained trail. The disclosures it reads are audited through the broker as the pipeline does, about
 * pseudonyms of this test's own, so other tests sharing the context do not disturb it. Also the role tests of issue
 * 4: an operator cannot read the audit or pseudonymise; a security officer cannot change routes or consents; an
 * agency reaches none of it (and cannot register a consent in another agency's name: ConsentApiTest
 * {@code refusesAConsentRegisteredInAnotherAgencysName}).
 */
class SecurityOfficerApiTest extends HubSpringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = "security-officer:" + PeopleClient.SECURITY_OFFICER;

    @Autowired
    OfficerAudit trail;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int agencyPort;

    @Test
    void pseudonymisesWithTheFederationKeyAndAuditsTheLookupButNeverTheNumber() throws Exception {
        HttpResponse<String> response = securityOfficer().postJson("/api/v1/security/pseudonyms",
                "{\"personnummer\":\"640823-3234\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        String pseudonym = PeopleClient.json(response).path("pseudonym").asText();
        String key = Files.readString(PKI_DIR.resolve("pseudonym.key"));
        assertThat(pseudonym).as("what a connector with the federation key computes").isEqualTo(
                Pseudonymizer.fromBase64(key).pseudonymize(Personnummer.parse("640823-3234", LocalDate.now())));
        awaitEntry("PSEUDONYM_LOOKUP", OFFICER, "SUCCESS", pseudonym);

        HttpResponse<String> invalid = securityOfficer().postJson("/api/v1/security/pseudonyms",
                "{\"personnummer\":\"640823-3235\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(PeopleClient.json(invalid).path("code").asText()).isEqualTo("invalid_personnummer");
        assertThat(invalid.body()).doesNotContain("640823");
    }

    @Test
    void findsDisclosuresReviewsThemAndReportsEverythingAboutOnePerson() throws Exception {
        String subject = newPseudonym();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID consentNotice = disclose(now, subject, "socialtjanst.bollnas", LegalBasisCode.CONSENT, false);
        UUID ipvNotice = disclose(now, subject, "polisen.gavleborg", LegalBasisCode.PREVENT_IPV_18C, true);

        JsonNode found = await().atMost(Duration.ofSeconds(20)).until(() -> PeopleClient.json(securityOfficer()
                .get("/api/v1/security/disclosures?subject=" + subject)).path("disclosures"), list -> list.size() == 2);
        assertThat(found.get(0).path("noticeId").asText()).as("newest first").isEqualTo(ipvNotice.toString());
        assertThat(found.get(0).path("review").path("state").asText()).isEqualTo("OPEN");
        assertThat(found.get(1).path("noticeId").asText()).isEqualTo(consentNotice.toString());
        assertThat(found.get(1).path("review").isNull()).isTrue();
        awaitEntry("TIMELINE_VIEWED", OFFICER, "SUCCESS", subject);
        assertThat(PeopleClient.json(securityOfficer().get("/api/v1/security/disclosures?subject=" + subject
                + "&basis=CONSENT")).path("disclosures")).hasSize(1);

        long id = found.get(0).path("id").asLong();
        assertThat(openReviewIds()).contains(id);
        HttpResponse<String> reviewed = securityOfficer().postJson("/api/v1/security/reviews/" + id,
                "{\"comment\":\"Risk assessment on file; disclosure fits 10:18 c.\",\"finding\":\"REVIEW_OK\"}");
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(PeopleClient.json(reviewed).path("review").path("reviewedBy").asText()).isEqualTo(OFFICER);
        assertThat(openReviewIds()).doesNotContain(id);
        HttpResponse<String> again = securityOfficer().postJson("/api/v1/security/reviews/" + id,
                "{\"comment\":\"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(PeopleClient.json(again).path("code").asText()).isEqualTo("review_already_completed");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry"
                + " WHERE type = 'REVIEW_COMPLETED' AND actor = ? AND notice_id = ? AND reason_code = 'REVIEW_OK'",
                Long.class, OFFICER, ipvNotice) == 1);

        HttpResponse<String> report = securityOfficer().get("/api/v1/security/subjects/" + subject
                + "/access-report");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode body = PeopleClient.json(report);
        assertThat(body.path("subject").asText()).isEqualTo(subject);
        assertThat(body.path("recipients").toString()).isEqualTo("[\"socialtjanst.bollnas\",\"polisen.gavleborg\"]");
        assertThat(body.path("disclosures")).hasSize(2);
        assertThat(body.path("disclosures").get(1).path("review").path("state").asText()).isEqualTo("REVIEWED");
        awaitEntry("AUDIT_EXPORTED", OFFICER, "SUCCESS", subject);
    }

    @Test
    void verifiesTheChainAndAuditsTheVerification() {
        PeopleClient officer = securityOfficer();
        HttpResponse<String> response = officer.send(officer.request("/api/v1/security/audit/verification")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = PeopleClient.json(response);
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry"
                + " WHERE type = 'AUDIT_VERIFIED' AND actor = ? AND outcome = 'SUCCESS'"
                + " AND detail_digest IS NOT NULL", Long.class, OFFICER) > 0);
    }

    @Test
    void exportsThePeriodAsCsvAndJsonAndAuditsTheDigestOfWhatWasSent() throws Exception {
        String subject = newPseudonym();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID notice = disclose(from, subject, "socialtjanst.bollnas", LegalBasisCode.CONSENT, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE notice_id = ?", Long.class, notice) == 1);

        HttpResponse<byte[]> csv = securityOfficer().sendBytes(securityOfficer()
                .request("/api/v1/security/audit/export?format=csv&from=" + from.minusSeconds(1)).GET());
        HttpResponse<String> json = securityOfficer().get("/api/v1/security/audit/export?format=json&from="
                + from.minusSeconds(1) + "&to=" + from.plusSeconds(3600));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("position,type,outcome,occurredAt,").contains(notice.toString())
                .contains(subject);
        String digest = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(csv.body()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry"
                + " WHERE type = 'AUDIT_EXPORTED' AND actor = ? AND detail_digest = ?", Long.class, OFFICER,
                digest) == 1);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).findValuesAsText("noticeId")).contains(notice.toString());
        HttpResponse<String> badFormat = securityOfficer().get("/api/v1/security/audit/export?format=xlsx");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(PeopleClient.json(badFormat).path("code").asText()).isEqualTo("query_invalid");
    }

    @Test
    void anOperatorCannotReadTheAuditOrPseudonymise() {
        PeopleClient operator = operator();

        for (HttpResponse<String> response : List.of(
                operator.postJson("/api/v1/security/pseudonyms", "{\"personnummer\":\"640823-3234\"}"),
                operator.get("/api/v1/security/disclosures"),
                operator.get("/api/v1/security/reviews"),
                operator.get("/api/v1/security/audit/export"),
                operator.get("/api/v1/security/subjects/ps1:" + "x".repeat(43) + "/access-report"),
                operator.send(operator.request("/api/v1/security/audit/verification")
                        .POST(HttpRequest.BodyPublishers.noBody())))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(PeopleClient.json(response).path("code").asText()).isEqualTo("role_not_permitted");
        }
    }

    @Test
    void aSecurityOfficerCannotChangeRoutesOrConsents() {
        PeopleClient officer = securityOfficer();

        for (HttpResponse<String> response : List.of(
                officer.postJson("/api/v1/operator/routes/socialtjanst.bollnas/suspension", "{}"),
                officer.postJson("/api/v1/operator/dlq/replay", "{}"),
                officer.postJson("/api/v1/consents", "{}"),
                officer.postJson("/api/v1/consents/c-1/withdrawal", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(PeopleClient.json(response).path("code").asText()).isEqualTo("role_not_permitted");
        }
    }

    @Test
    void anAgencyReachesNoneOfTheSecurityOfficersApiWithItsCertificate() throws Exception {
        HttpClient agency = HttpClient.newBuilder().sslContext(AgencyTls.sslContext(
                AgencyTls.keyStore(PKI_DIR, ParticipantId.of("polisen.gavleborg")), AgencyTls.trustStore(PKI_DIR)))
                .build();

        for (String path : new String[] {"/api/v1/security/disclosures", "/api/v1/security/audit/export"}) {
            HttpResponse<String> response = agency.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + agencyPort + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void noPersonalIdentityNumberReachesTheLogWhereverItIsTyped() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            PeopleClient officer = securityOfficer();
            PeopleClient anonymous = new PeopleClient(peoplePort.port(), PKI_DIR, null, null);
            assertThat(officer.postJson("/api/v1/security/pseudonyms", "{\"personnummer\":\"640823-3234\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(officer.postJson("/api/v1/security/pseudonyms", "{\"personnummer\":\"640823-3235\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(officer.postJson("/api/v1/security/pseudonyms", "{\"personnummer\":640823-3234}")
                    .statusCode()).isEqualTo(400);
            assertThat(officer.get("/api/v1/security/subjects/640823-3234/access-report").statusCode())
                    .isEqualTo(400);
            assertThat(officer.get("/api/v1/security/disclosures?subject=196408233234").statusCode()).isEqualTo(400);
            assertThat(officer.postJson("/api/v1/security/reviews/1", "{\"comment\":\"about 6408233234\"}")
                    .statusCode()).isEqualTo(422);
            assertThat(operator().get("/api/v1/security/subjects/640823-3234/access-report").statusCode())
                    .isEqualTo(403);
            assertThat(anonymous.get("/api/v1/security/subjects/19640823-3234/access-report").statusCode())
                    .isEqualTo(401);
        } finally {
            root.detachAppender(captured);
            captured.stop();
        }
        List<String> lines = captured.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        assertThat(lines).as("the test captures the hub's log").isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContain("640823").doesNotContain("6408233234");
        }
    }

    private List<Long> openReviewIds() {
        List<Long> ids = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = PeopleClient.json(securityOfficer().get("/api/v1/security/reviews?state=OPEN&limit=500"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            page.path("reviews").forEach(review -> ids.add(review.path("id").asLong()));
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asText();
        } while (!cursor.isEmpty());
        return ids;
    }

    /** A disclosure decision audited through the broker as the pipeline writes it; the trail then holds it. */
    private UUID disclose(Instant at, String subject, String recipient, LegalBasisCode basis, boolean review) {
        UUID notice = UUID.randomUUID();
        AuditEvent.Builder event = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, at, "samband.hub")
                .noticeId(notice).counterpart(recipient).noticeType(NoticeType.RISK_ASSESSMENT_SHARED)
                .subjectPseudonyms(List.of(subject)).decision(AuditDecision.PERMIT).legalBasis(basis)
                .reviewRequired(review);
        if (basis == LegalBasisCode.CONSENT) {
            event.consentId("c-" + notice + ":v1");
        }
        trail.record(event.build());
        return notice;
    }

    private void awaitEntry(String type, String actor, String outcome, String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry e"
                + " JOIN audit_subject s ON s.position = e.position WHERE e.type = ? AND e.actor = ?"
                + " AND e.outcome = ? AND s.pseudonym = ?", Long.class, type, actor, outcome, subject) > 0);
    }

    private static String newPseudonym() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Pseudonymizer.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
