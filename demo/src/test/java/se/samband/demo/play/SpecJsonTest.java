package se.samband.demo.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bodies the player sends follow the connector's local API contract (rules file, "Connector local API"). */
class SpecJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @Test
    void aNoticeToAResolvedRecipientCarriesTheContractFields() {
        JsonNode json = NoticeSpec.of("RELEASE_CONTACT_CONSENT")
                .toWhoServes("SOCIALTJANST", "municipality", "2183").where("service", "JOINT_UNIT")
                .about("780312-9811", "PERPETRATOR")
                .related("820924-9849", "VICTIM", true)
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .consent("c-1").caseRef("KV-1").respondBy(NOW)
                .field("riskAssessmentExists", true)
                .toJson();

        assertThat(json.path("type").asText()).isEqualTo("RELEASE_CONTACT_CONSENT");
        assertThat(json.path("recipient").path("kind").asText()).isEqualTo("SOCIALTJANST");
        assertThat(json.path("recipient").path("municipality").asText()).isEqualTo("2183");
        assertThat(json.path("recipient").path("service").asText()).isEqualTo("JOINT_UNIT");
        assertThat(json.has("recipients")).isFalse();
        assertThat(json.path("subject").path("personnummer").asText()).isEqualTo("780312-9811");
        assertThat(json.path("subject").path("protectedIdentity").asBoolean()).isFalse();
        assertThat(json.path("relatedPersons").get(0).path("protectedIdentity").asBoolean()).isTrue();
        assertThat(json.path("legalBasis").asText()).isEqualTo("CONSENT");
        assertThat(json.path("consentId").asText()).isEqualTo("c-1");
        assertThat(json.path("respondBy").asText()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(json.path("dataCategories")).hasSize(2);
        assertThat(json.path("payload").path("riskAssessmentExists").asBoolean()).isTrue();
    }

    @Test
    void aNoticeOnAnotherBasisNamesItsRecipientsAndNoConsent() {
        JsonNode json = NoticeSpec.of("CHILD_CONCERN_REPORT").to("socialtjanst.halmstad")
                .about("170523-9877", "CHILD").purpose("CHILD_PROTECTION").categories("CHILD_WELFARE")
                .basis("DUTY_CHILD_CONCERN").toJson();

        assertThat(json.path("recipients").get(0).asText()).isEqualTo("socialtjanst.halmstad");
        assertThat(json.has("recipient")).isFalse();
        assertThat(json.has("consentId")).isFalse();
        assertThat(json.path("legalBasis").asText()).isEqualTo("DUTY_CHILD_CONCERN");
    }

    @Test
    void aConsentNamesItsPartiesAndABoundedPeriod() {
        JsonNode json = ConsentSpec.of("c-2", "780312-9811").from("kriminalvarden.frivard-gavle")
                .to("socialtjanst.bollnas").types("RELEASE_CONTACT_CONSENT").categories("CONTACT_DETAILS")
                .purposes("SUPPORT_CONTACT").toJson(NOW);

        assertThat(json.path("personnummer").asText()).isEqualTo("780312-9811");
        assertThat(json.has("subjectPseudonym")).isFalse();
        assertThat(json.path("senders").get(0).asText()).isEqualTo("kriminalvarden.frivard-gavle");
        assertThat(json.path("recipients").get(0).asText()).isEqualTo("socialtjanst.bollnas");
        assertThat(Instant.parse(json.path("validFrom").asText())).isBefore(NOW);
        assertThat(Instant.parse(json.path("validTo").asText())).isEqualTo(NOW.plus(Duration.ofDays(180)));
    }

    @Test
    void timeOffsetsReadAsSecondsThenMinutes() {
        assertThat(TimelinePrinter.offset(Duration.ofMillis(2_345))).isEqualTo("+2.3s");
        assertThat(TimelinePrinter.offset(Duration.ofSeconds(78))).isEqualTo("+1m18s");
    }
}
