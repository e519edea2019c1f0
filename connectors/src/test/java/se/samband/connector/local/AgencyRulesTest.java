package se.samband.connector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import se.samband.connector.config.ConnectorProperties;
import se.samband.connector.config.ProfileProperties;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** The agency profiles' rules, as the local API applies them before anything goes to the hub. */
class AgencyRulesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private final SubmissionRequests requests = new SubmissionRequests(CLOCK);
    private final ObjectMapper json = new ObjectMapper();

    private static AgencyRules rulesOf(String profile) {
        ConnectorProperties properties = ProfileProperties.bind(profile);
        return new AgencyRules(properties.kind(), properties.rules());
    }

    private ParsedSubmission submission(String type, String recipient) throws Exception {
        return requests.read(json.readTree(("{'type':'" + type + "','recipient':" + recipient + ","
                + "'subject':{'personnummer':'640823-3234','role':'PERPETRATOR'},"
                + "'purpose':'SUPPORT_CONTACT','dataCategories':['RELEASE_INFORMATION'],'legalBasis':'CONSENT',"
                + "'consentId':'consent-1','payload':{}}").replace('\'', '"')));
    }

    private static final String SOCIAL_SERVICES = "{'kind':'SOCIALTJANST','municipality':'2183'}";

    @Test
    void aKindMaySubmitTheTypesItSends() throws Exception {
        assertThatCode(() -> rulesOf("kriminalvarden").checkSubmission(
                submission("RELEASE_CONTACT_CONSENT", SOCIAL_SERVICES))).doesNotThrowAnyException();
        assertThatCode(() -> rulesOf("polisen").checkSubmission(
                submission("POST_INTERVIEW_SUPPORT_OFFER", SOCIAL_SERVICES))).doesNotThrowAnyException();
    }

    @Test
    void aTypeThisKindDoesNotSendIsRefusedByFieldAndRule() throws Exception {
        ParsedSubmission release = submission("RELEASE_CONTACT_CONSENT", SOCIAL_SERVICES);

        for (String profile : new String[] {"polisen", "socialtjanst", "halso-sjukvard", "aklagare", "samverkan"}) {
            assertThatThrownBy(() -> rulesOf(profile).checkSubmission(release)).as(profile)
                    .isInstanceOf(SubmissionRequests.Invalid.class)
                    .extracting(e -> ((SubmissionRequests.Invalid) e).problems())
                    .asList().containsExactly(new Problem(AgencyRules.TYPE_NOT_SENT_BY_KIND, "/type"));
        }
        assertThatThrownBy(() -> rulesOf("kriminalvarden").checkSubmission(
                submission("IPV_PREVENTION_ALERT", "{'kind':'POLISEN','region':'21'}")))
                .isInstanceOf(SubmissionRequests.Invalid.class)
                .hasMessageContaining("/type: type_not_sent_by_kind");
    }

    @Test
    void healthcareNamesAHealthcareRecipientByItsHsaId() throws Exception {
        AgencyRules healthcare = rulesOf("halso-sjukvard");

        assertThatThrownBy(() -> healthcare.checkSubmission(
                submission("CASE_CONFERENCE_INVITE", "{'kind':'HALSO_SJUKVARD','region':'21'}")))
                .isInstanceOf(SubmissionRequests.Invalid.class)
                .extracting(e -> ((SubmissionRequests.Invalid) e).problems())
                .asList().containsExactly(new Problem(AgencyRules.HSA_ID_REQUIRED, "/recipient/hsaId"));
        assertThatCode(() -> healthcare.checkSubmission(submission("CASE_CONFERENCE_INVITE",
                "{'kind':'HALSO_SJUKVARD','hsaId':'SE2321000016-1003'}"))).doesNotThrowAnyException();
        // other kinds may still ask by region; and named participants need no look-up at all
        assertThatCode(() -> rulesOf("socialtjanst").checkSubmission(
                submission("TREATMENT_REFERRAL", "{'kind':'HALSO_SJUKVARD','region':'21'}")))
                .doesNotThrowAnyException();
    }

    @Test
    void typeAndRecipientProblemsAreReportedTogether() throws Exception {
        assertThatThrownBy(() -> rulesOf("halso-sjukvard").checkSubmission(
                submission("TREATMENT_REFERRAL", "{'kind':'HALSO_SJUKVARD','region':'21'}")))
                .isInstanceOf(SubmissionRequests.Invalid.class)
                .extracting(e -> ((SubmissionRequests.Invalid) e).problems())
                .asList().containsExactly(new Problem(AgencyRules.TYPE_NOT_SENT_BY_KIND, "/type"),
                        new Problem(AgencyRules.HSA_ID_REQUIRED, "/recipient/hsaId"));
    }

    @Test
    void onlyThePoliceAndSocialServicesMaySetRiskFlags() {
        assertThatCode(() -> rulesOf("polisen").checkRiskFlagChange()).doesNotThrowAnyException();
        assertThatCode(() -> rulesOf("socialtjanst").checkRiskFlagChange()).doesNotThrowAnyException();
        for (String profile : new String[] {"kriminalvarden", "halso-sjukvard", "aklagare", "samverkan"}) {
            assertThatThrownBy(() -> rulesOf(profile).checkRiskFlagChange()).as(profile)
                    .isInstanceOfSatisfying(SambandException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.RISK_FLAG_NOT_PERMITTED));
        }
    }

    @Test
    void withoutAProfileTheHubDecides() throws Exception {
        AgencyRules none = AgencyRules.unrestricted();

        assertThatCode(() -> none.checkSubmission(submission("CONTACT_BAN_DECISION", SOCIAL_SERVICES)))
                .doesNotThrowAnyException();
        assertThatCode(none::checkRiskFlagChange).doesNotThrowAnyException();
        assertThat(none.kind()).isNull();
    }
}
