package se.samband.security.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;

class FederationLoaderTest {
    private static final Path DEMO = Path.of("../deploy/demo/federation.yaml");

    private static String demo() throws Exception {
        return Files.readString(DEMO);
    }

    private static FederationException failureOf(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new FederationLoader()
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertThat(thrown).isInstanceOf(FederationException.class);
        FederationException e = (FederationException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.FEDERATION_INVALID);
        return e;
    }

    @Test
    void loadsTheDemoFederationFromAFile() {
        Federation federation = new FederationLoader().load(DEMO);
        assertThat(federation.info().id()).isEqualTo("samband-demo");
        assertThat(federation.legalBases().version()).isEqualTo("2026-11-01");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPlace() throws Exception {
        String broken = demo()
                .replace("municipalities: [\"2183\"]", "municipalities: [\"218\"]")
                .replace("escalation: { participant: polisen.halland,", "escalation: { participant: polisen.nowhere,")
                .replace("    hsaId: SE2321000131-UTVAG1\n", "")
                .replace("    - code: YOUTH_CRIME_18A\n", "    - code: SERIOUS_CRIME_23\n");

        FederationException e = failureOf(broken);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("socialtjanst.bollnas").contains("'218' is not a valid kommunkod"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("polisen.halland").contains("escalation.participant: 'polisen.nowhere'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("region.utvag-skaraborg").contains("hsaId: required"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("SERIOUS_CRIME_23 is defined twice"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("no rule for [YOUTH_CRIME_18A]"));
        assertThat(e.getMessage()).contains("test.yaml has " + e.problems().size() + " problem(s)");
    }

    @Test
    void refusesUnknownFieldsWithTheirPathAndLine() throws Exception {
        String typo = demo().replace("    kind: HUB\n", "    kind: HUB\n    kidn: HUB\n");
        FederationException e = failureOf(typo);
        assertThat(e.problems()).singleElement().asString()
                .contains("unknown field 'kidn'").contains("participants[0]").contains("line ");
    }

    @Test
    void refusesAMalformedParticipantId() throws Exception {
        FederationException e = failureOf(demo().replace("id: socialtjanst.bollnas", "id: Socialtjanst Bollnas"));
        assertThat(e.problems()).singleElement().asString().contains("participants[").contains("id");
    }

    @Test
    void emergencyMayNotOutlastSevenDaysNorGoWithoutAReason() throws Exception {
        String lax = demo().replace("maxValidityDays: 7", "maxValidityDays: 30")
                .replace("reasonRequired: true", "reasonRequired: false");
        FederationException e = failureOf(lax);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("EMERGENCY is valid at most 7 days"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("EMERGENCY needs a reason code"));
    }

    @Test
    void basesThatAlwaysNeedReviewCannotSwitchItOff() throws Exception {
        String noReview = demo()
                .replace("reference: \"OSL 10:18 c\"\n", "reference: \"OSL 10:18 c\"\n      review: false\n")
                .replaceFirst("(code: PREVENT_IPV_18C[\\s\\S]*?)review: true", "$1");
        FederationException e = failureOf(noReview);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PREVENT_IPV_18C disclosures always go to"));
    }

    @Test
    void respondByNeedsExactlyOneUnit() throws Exception {
        FederationException e = failureOf(demo().replace("CONTACT_HOLD: { hours: 1 }",
                "CONTACT_HOLD: { hours: 1, workingDays: 1 }"));
        assertThat(e.problems()).singleElement().asString().contains("respondBy.CONTACT_HOLD");
    }

    @Test
    void aFederationWithoutTheHubIsRefused() throws Exception {
        String noHub = demo().replace("  - id: samband.hub\n    kind: HUB\n    name: Samband hub\n", "");
        FederationException e = failureOf(noHub);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("the hub (samband.hub, kind HUB) is missing"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(failureOf("").problems()).singleElement().asString().contains("empty");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        assertThatThrownBy(() -> new FederationLoader().load(Path.of("does-not-exist.yaml")))
                .isInstanceOf(FederationException.class).hasMessageContaining("does-not-exist.yaml");
    }
}
