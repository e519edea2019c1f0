package se.samband.hub.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.timeline.TimelineApiTest.enc;
import static se.samband.hub.timeline.TimelineApiTest.types;
import static se.samband.hub.timeline.TimelineApiTest.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.hub.RegistryApi;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;

/**
 * {@code GET /api/v1/security/timeline} on the people port: a security officer sees every agency's part of a
 * subject's, a case's or a notice's timeline, with the subjects, and each view is in the audit trail as
 * TIMELINE_VIEWED with the officer's account as actor (a case reference only as its digest). An operator is refused,
 * and the path does not exist on the agencies' port.
 */
class SecurityTimelineTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId FRIVARD = HubNotices.FRIVARD;
    private static final String OFFICER_ACTOR = "security-officer:" + PeopleClient.SECURITY_OFFICER;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void anOfficerSeesEveryAgencysPartAndEachViewIsAudited() throws Exception {
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        String subject = HubNotices.pseudonym("officer " + UUID.randomUUID());
        String caseRef = "SOC-" + UUID.randomUUID().toString().substring(0, 8);
        NoticeHeader concern = HubNotices.childConcern(POLICE, subject, SOCIAL).caseRef(caseRef).build();
        NoticeHeader release = HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, "kvv-none-" + UUID.randomUUID())
                .build();
        assertThat(api.postNotice(POLICE, notices.seal(concern, "{}".getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(202);
        assertThat(api.postNotice(FRIVARD, notices.seal(release, "{}".getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(202);
        PeopleClient officer = securityOfficer();

        JsonNode bySubject = await().atMost(Duration.ofSeconds(20)).until(
                () -> timeline(officer, "subject=" + enc(subject)), t -> types(t).size() >= 3);
        assertThat(types(bySubject)).containsExactly("DISCLOSURE_DECIDED", "NOTICE_DISPATCHED", "DISCLOSURE_DECIDED");
        assertThat(TimelineApiTest.noticeIds(bySubject)).containsExactly(concern.noticeId().toString(),
                concern.noticeId().toString(), release.noticeId().toString());
        assertThat(values(bySubject, "decision")).containsExactly("PERMIT", "PERMIT", "HOLD");
        bySubject.path("entries").forEach(entry -> assertThat(entry.path("subjects").toString()).contains(subject));
        TimelineApiTest.assertInChainOrder(bySubject);
        assertViewAudited("subject", subject);

        JsonNode byNotice = timeline(officer, "noticeId=" + release.noticeId());
        assertThat(types(byNotice)).containsExactly("DISCLOSURE_DECIDED");
        assertViewAudited("notice_id", release.noticeId());

        JsonNode byCase = timeline(officer, "caseRef=" + enc(caseRef));
        assertThat(TimelineApiTest.noticeIds(byCase)).containsOnly(concern.noticeId().toString());
        assertViewAudited("detail_digest", CaseRefDigest.of(caseRef));
        assertThat(jdbc.queryForList("SELECT COUNT(*) FROM audit_entry WHERE reason_code = ? OR consent_id = ?"
                + " OR counterpart = ?", Long.class, caseRef, caseRef, caseRef)).containsExactly(0L);
    }

    @Test
    void anOperatorIsRefusedAndAgenciesDoNotHaveThePath() throws Exception {
        String query = "/api/v1/security/timeline?subject=" + enc(HubNotices.pseudonym("x"));

        HttpResponse<String> operator = operator().get(query);
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(PeopleClient.json(operator).path("code").asText()).isEqualTo("role_not_permitted");
        assertThat(new RegistryApi(port, PKI_DIR).get(POLICE, query).statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = securityOfficer().get("/api/v1/security/timeline?subject=ps1:short");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(PeopleClient.json(invalid).path("code").asText()).isEqualTo("timeline_query_invalid");
    }

    private JsonNode timeline(PeopleClient officer, String query) {
        HttpResponse<String> response = officer.get("/api/v1/security/timeline?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PeopleClient.json(response);
    }

    private void assertViewAudited(String by, Object value) {
        String where = switch (by) {
            case "subject" -> "e.position IN (SELECT position FROM audit_subject WHERE pseudonym = ?)";
            default -> "e." + by + " = ?";
        };
        List<Map<String, Object>> views = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT e.actor FROM audit_entry e WHERE e.type = 'TIMELINE_VIEWED' AND " + where, value),
                rows -> !rows.isEmpty());
        assertThat(views).extracting(row -> row.get("actor")).containsOnly(OFFICER_ACTOR);
    }
}
