package se.samband.connector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantKind;
import se.samband.notice.SubjectRole;

class SubmissionRequestsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private final SubmissionRequests requests = new SubmissionRequests(CLOCK);
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsASubmissionWithADirectoryQuery() throws Exception {
        ParsedSubmission parsed = requests.read(body("{'type':'RELEASE_CONTACT_CONSENT',"
                + "'recipient':{'kind':'SOCIALTJANST','municipality':'2183'},"
                + "'subject':{'personnummer':'640823-3234','role':'PERPETRATOR'},"
                + "'relatedPersons':[{'personnummer':'701063-2391','role':'VICTIM','protectedIdentity':true}],"
                + "'purpose':'SUPPORT_CONTACT','dataCategories':['RELEASE_INFORMATION'],'legalBasis':'CONSENT',"
                + "'consentId':'consent-1','caseRef':'kv-17','payload':{'plannedRelease':'2026-12-01'}}"));

        assertThat(parsed.submission().type()).isEqualTo(NoticeType.RELEASE_CONTACT_CONSENT);
        assertThat(parsed.submission().basis()).isEqualTo(LegalBasisCode.CONSENT);
        assertThat(parsed.submission().persons()).extracting(p -> p.role())
                .containsExactly(SubjectRole.PERPETRATOR, SubjectRole.VICTIM);
        assertThat(parsed.submission().persons().get(1).protectedIdentity()).isTrue();
        assertThat(parsed.query().kind()).isEqualTo(ParticipantKind.SOCIALTJANST);
        assertThat(parsed.query().queryString()).isEqualTo("kind=SOCIALTJANST&municipality=2183");
        assertThat(parsed.recipients()).isEmpty();
        assertThat(parsed.toString()).doesNotContain("640823", "701063");
    }

    @Test
    void reportsEveryProblemByFieldAndRuleWithoutTheValues() throws Exception {
        assertThatThrownBy(() -> requests.read(body("{'type':'NO_SUCH_TYPE','recipients':['socialtjanst.bollnas'],"
                + "'recipient':{'kind':'SOCIALTJANST','municipality':'2183'},"
                + "'subject':{'personnummer':'640823-3235','role':'PERPETRATOR'},"
                + "'relatedPersons':[{'personnummer':'641323-3234','role':'CHILD'}],"
                + "'dataCategories':[],'legalBasis':'CONSENT','colour':'blue'}")))
                .isInstanceOfSatisfying(SubmissionRequests.Invalid.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder(
                            new Problem("unknown_field", "/colour"),
                            new Problem("invalid_value", "/type"),
                            new Problem("missing", "/purpose"),
                            new Problem("missing", "/consentId"),
                            new Problem("invalid_format", "/dataCategories"),
                            new Problem("checksum", "/subject/personnummer"),
                            new Problem("date", "/relatedPersons/0/personnummer"),
                            new Problem("conflict", "/recipient"));
                    assertThat(e.getMessage()).doesNotContain("640823", "641323", "blue");
                });
    }

    @Test
    void receiptsAndHubTypesCannotBeSubmitted() throws Exception {
        assertThatThrownBy(() -> requests.read(body("{'type':'ACCEPTED','recipients':['socialtjanst.bollnas'],"
                + "'subject':{'personnummer':'640823-3234','role':'PERPETRATOR'},'purpose':'SUPPORT_CONTACT',"
                + "'dataCategories':['RELEASE_INFORMATION'],'legalBasis':'DUTY_CHILD_CONCERN'}")))
                .isInstanceOfSatisfying(SubmissionRequests.Invalid.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("invalid_value", "/type")));
    }

    @Test
    void aRecipientQueryNeedsMoreThanAKind() throws Exception {
        assertThatThrownBy(() -> requests.read(body("{'type':'CHILD_CONCERN_REPORT','recipient':{'kind':'SOCIALTJANST'},"
                + "'subject':{'personnummer':'640823-3234','role':'CHILD'},'purpose':'CHILD_PROTECTION',"
                + "'dataCategories':['CHILD_WELFARE'],'legalBasis':'DUTY_CHILD_CONCERN'}")))
                .isInstanceOfSatisfying(SubmissionRequests.Invalid.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("missing", "/recipient/municipality")));
    }

    @Test
    void namesTheRuleAPersonnummerBreaks() {
        var today = CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(SubmissionRequests.personnummerRule("640823-3234", today)).isNull();
        assertThat(SubmissionRequests.personnummerRule("640823-3235", today)).isEqualTo("checksum");
        assertThat(SubmissionRequests.personnummerRule("641323-3234", today)).isEqualTo("date");
        assertThat(SubmissionRequests.personnummerRule("64x823-3234", today)).isEqualTo("format");
    }
}
