package se.samband.hub.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.HubNotices.markerPayload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.RegistryApi;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * {@code GET /api/v1/timeline} on the running hub (mTLS, real pipeline and audit writer): one subject in three
 * notices by two senders, one with a case reference, one answered with ACCEPTED, one held. Each participant sees
 * only its own part, in chain order; a case reference finds its notice for its sender only; bad questions are
 * refused with {@code timeline_query_invalid}.
 */
class TimelineApiTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId OTHER_SOCIAL = HubNotices.SOC_JONKOPING;
    private static final ParticipantId FRIVARD = HubNotices.FRIVARD;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void eachParticipantSeesItsOwnPartOfASubjectsTimelineInChainOrder() throws Exception {
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        String subject = HubNotices.pseudonym("timeline " + UUID.randomUUID());
        String caseRef = "POL-" + UUID.randomUUID().toString().substring(0, 8) + "/26";
        NoticeHeader concern = HubNotices.childConcern(POLICE, subject, SOCIAL, OTHER_SOCIAL).caseRef(caseRef).build();
        NoticeHeader release = HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, "kvv-none-" + UUID.randomUUID())
                .build();
        NoticeHeader accepted = HubNotices.receipt(SOCIAL, NoticeType.ACCEPTED, concern.noticeId(), POLICE).build();

        assertThat(api.postNotice(POLICE, notices.seal(concern, markerPayload())).statusCode()).isEqualTo(202);
        assertThat(api.postNotice(FRIVARD, notices.seal(release, markerPayload())).statusCode()).isEqualTo(202);
        assertThat(api.postNotice(SOCIAL, notices.seal(accepted, markerPayload())).statusCode()).isEqualTo(202);

        JsonNode police = await().atMost(Duration.ofSeconds(20)).until(
                () -> timeline(api, POLICE, "subject=" + enc(subject)),
                t -> types(t).contains("RECEIPT_RECORDED"));
        assertThat(types(police)).containsExactly("DISCLOSURE_DECIDED", "NOTICE_DISPATCHED", "DISCLOSURE_DECIDED",
                "NOTICE_DISPATCHED", "RECEIPT_RECORDED");
        assertThat(noticeIds(police)).containsOnly(concern.noticeId().toString());
        assertThat(values(police, "counterpart")).contains(SOCIAL.value(), OTHER_SOCIAL.value());
        assertThat(police.path("notices").asInt()).isEqualTo(1);
        assertInChainOrder(police);
        assertThat(police.toString()).as("participants get no subject lists").doesNotContain("\"subjects\"");

        JsonNode social = timeline(api, SOCIAL, "subject=" + enc(subject));
        assertThat(types(social)).as("its own copy and its answer, not the other recipient's, not the held notice")
                .containsExactly("DISCLOSURE_DECIDED", "NOTICE_DISPATCHED", "RECEIPT_RECORDED");
        assertThat(values(social, "counterpart")).containsOnly(SOCIAL.value());
        assertThat(noticeIds(social)).containsOnly(concern.noticeId().toString());

        JsonNode frivard = await().atMost(Duration.ofSeconds(20)).until(
                () -> timeline(api, FRIVARD, "subject=" + enc(subject)), t -> !types(t).isEmpty());
        assertThat(types(frivard)).containsExactly("DISCLOSURE_DECIDED");
        assertThat(values(frivard, "decision")).containsExactly("HOLD");
        assertThat(values(frivard, "reasonCode")).containsExactly("AWAITING_CONSENT");

        JsonNode byCase = timeline(api, POLICE, "caseRef=" + enc(caseRef));
        assertThat(types(byCase)).isEqualTo(types(police));
        assertThat(types(timeline(api, HubNotices.POLICE_JONKOPING, "caseRef=" + enc(caseRef))))
                .as("another agency's case").isEmpty();
        assertThat(types(timeline(api, POLICE, "caseRef=" + enc(caseRef + "x")))).isEmpty();
    }

    @Test
    void aQuestionThatIsNotExactlyOneSubjectOrCaseReferenceIsRefused() throws Exception {
        RegistryApi api = new RegistryApi(port, PKI_DIR);
        String subject = HubNotices.pseudonym("refused " + UUID.randomUUID());
        for (String query : List.of("", "subject=" + enc(subject) + "&caseRef=A-1", "subject=19640823-3234",
                "caseRef=" + enc("free text with spaces"), "noticeId=" + UUID.randomUUID())) {
            HttpResponse<String> response = api.get(POLICE, "/api/v1/timeline?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("timeline_query_invalid");
            assertThat(response.body()).as("never echoes the value").doesNotContain("3234");
        }
    }

    private JsonNode timeline(RegistryApi api, ParticipantId as, String query) throws Exception {
        HttpResponse<String> response = api.get(as, "/api/v1/timeline?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> types(JsonNode timeline) {
        return values(timeline, "type");
    }

    static List<String> noticeIds(JsonNode timeline) {
        return values(timeline, "noticeId");
    }

    static List<String> values(JsonNode timeline, String field) {
        List<String> values = new ArrayList<>();
        timeline.path("entries").forEach(entry -> values.add(entry.path(field).asText()));
        return values;
    }

    static void assertInChainOrder(JsonNode timeline) {
        List<Long> positions = new ArrayList<>();
        timeline.path("entries").forEach(entry -> positions.add(entry.path("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
