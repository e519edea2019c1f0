package se.samband.hub.held;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyClient;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.hub.RegistryApi;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.security.seal.OpenedNotice;

/**
 * Protected identity on the running hub: a child-concern report about a child with protected identity is not
 * delivered but queued for manual routing; an operator on the people port sees its metadata (never a pseudonym) and
 * routes it to the recipient the police sealed it for, or returns it to the police, who get an ESCALATION. Both
 * resolutions are audited in the operator's name.
 */
class ManualRoutingFlowTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/operator/manual-routing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void noticeAboutAProtectedChildWaitsForAnOperatorWhoRoutesItToItsSealedForRecipient() throws Exception {
        String child = HubNotices.pseudonym("protected child " + UUID.randomUUID());
        NoticeHeader report = HubNotices.childConcern(POLICE, child, SOCIAL)
                .subjects(List.of(new Subject(HubNotices.pseudonym("perpetrator"), SubjectRole.PERPETRATOR, false),
                        new Subject(child, SubjectRole.CHILD, true)))
                .build();
        byte[] payload = ("{\"concern\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        RegistryApi api = new RegistryApi(port, PKI_DIR);

        HttpResponse<String> submitted = api.postNotice(POLICE, notices.seal(report, payload));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode line = JSON.readTree(submitted.body()).path("recipients").get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("HELD");
        assertThat(line.path("reasonCode").asText()).isEqualTo("MANUAL_ROUTING_PROTECTED_IDENTITY");

        PeopleClient operator = operator();
        JsonNode queued = awaitQueued(operator, report.noticeId());
        assertThat(queued.path("type").asText()).isEqualTo("CHILD_CONCERN_REPORT");
        assertThat(queued.path("sender").asText()).isEqualTo(POLICE.value());
        assertThat(queued.path("recipients").get(0).asText()).isEqualTo(SOCIAL.value());
        assertThat(queued.has("queuedAt")).isTrue();
        assertThat(operator.get(PATH).body()).as("metadata only").doesNotContain("ps1:");
        assertThat(securityOfficer().get(PATH).statusCode()).as("operators only").isEqualTo(403);

        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(social.receive("noticeId = '" + report.noticeId() + "'", 300)).as("not routed").isEmpty();

            HttpResponse<String> routed = operator.postJson(PATH + "/" + report.noticeId(),
                    "{\"action\":\"ROUTE\",\"comment\":\"checked with the child's social secretary\"}");
            assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
            assertThat(PeopleClient.json(routed).path("recipients").get(0).path("outcome").asText())
                    .isEqualTo("DELIVERED");

            List<Message> copies = social.receive("noticeId = '" + report.noticeId() + "'", 10_000);
            assertThat(copies).hasSize(1);
            OpenedNotice opened = notices.open(BrokerProbe.body(copies.get(0)), SOCIAL);
            assertThat(opened.payload()).isEqualTo(payload);
        }
        HttpResponse<String> again = operator.postJson(PATH + "/" + report.noticeId(), "{\"action\":\"RETURN\"}");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(PeopleClient.json(again).path("code").asText()).isEqualTo("manual_routing_not_found");
        assertThat(operator.get(PATH).body()).doesNotContain(report.noticeId().toString());

        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> trail(report.noticeId()),
                t -> t.stream().anyMatch(e -> e.startsWith("NOTICE_DISPATCHED")))).containsSubsequence(
                "MANUAL_ROUTING_QUEUED|SUCCESS|samband.hub|protected_identity.child",
                "HOLD_RELEASED|SUCCESS|samband.hub|MANUAL_ROUTING_CONFIRMED",
                "MANUAL_ROUTING_RESOLVED|SUCCESS|operator:operator|ROUTED");
        assertThat(trail(report.noticeId())).as("the operator's views are audited")
                .contains("PROTECTED_IDENTITY_VIEWED|SUCCESS|operator:operator|");
        assertThat(jdbc.queryForObject("SELECT resolved_by FROM manual_routing WHERE notice_id = ?", String.class,
                report.noticeId().toString())).isEqualTo("operator:operator");
    }

    @Test
    void operatorReturnsANoticeAboutAProtectedRelatedPersonToItsSender() throws Exception {
        NoticeHeader report = HubNotices.childConcern(POLICE, HubNotices.pseudonym("child " + UUID.randomUUID()),
                SOCIAL).protectedIdentity(true).build();
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        assertThat(api.postNotice(POLICE, notices.seal(report, "{}".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(202);
        PeopleClient operator = operator();
        awaitQueued(operator, report.noticeId());

        HttpResponse<String> invalid = operator.postJson(PATH + "/" + report.noticeId(), "{\"action\":\"MAYBE\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(PeopleClient.json(invalid).path("code").asText()).isEqualTo("manual_routing_invalid");

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            HttpResponse<String> returned = operator.postJson(PATH + "/" + report.noticeId(),
                    "{\"action\":\"RETURN\",\"comment\":\"recipient cannot be chosen safely\"}");
            assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
            assertThat(PeopleClient.json(returned).path("recipients").get(0).path("outcome").asText())
                    .isEqualTo("RETURNED");

            List<Message> escalations = police.receive("type = 'ESCALATION' AND inReplyTo = '"
                    + report.noticeId() + "'", 10_000);
            assertThat(escalations).hasSize(1);
            OpenedNotice escalation = notices.open(BrokerProbe.body(escalations.get(0)), POLICE);
            assertThat(escalation.header().reasonCode()).isEqualTo("MANUAL_ROUTING_RETURNED");
            assertThat(JSON.readTree(escalation.payload()).path("recipient").asText()).isEqualTo(SOCIAL.value());
        }
        try (AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(social.receive("noticeId = '" + report.noticeId() + "'", 300)).as("never delivered").isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT state FROM held_notice WHERE notice_id = ?", String.class,
                report.noticeId().toString())).isEqualTo("RETURNED");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> trail(report.noticeId()),
                t -> t.stream().anyMatch(e -> e.startsWith("MANUAL_ROUTING_RESOLVED")))).containsSubsequence(
                "MANUAL_ROUTING_QUEUED|SUCCESS|samband.hub|protected_identity.related",
                "MANUAL_ROUTING_RESOLVED|FAILED|operator:operator|MANUAL_ROUTING_RETURNED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DENIED".equals(jdbc.queryForObject(
                "SELECT state FROM handover WHERE notice_id = ? AND recipient = ?", String.class,
                report.noticeId(), SOCIAL.value())));
    }

    private JsonNode awaitQueued(PeopleClient operator, UUID noticeId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode queued : PeopleClient.json(operator.get(PATH)).path("notices")) {
                if (queued.path("noticeId").asText().equals(noticeId.toString())) {
                    return queued;
                }
            }
            return null;
        }, queued -> queued != null);
    }

    /** The audit trail of a notice, oldest first, as type|outcome|actor|reason. */
    private List<String> trail(UUID noticeId) {
        return jdbc.queryForList("SELECT type || '|' || outcome || '|' || actor || '|' || COALESCE(reason_code, '')"
                + " FROM audit_entry WHERE notice_id = ? ORDER BY position", String.class, noticeId);
    }
}
