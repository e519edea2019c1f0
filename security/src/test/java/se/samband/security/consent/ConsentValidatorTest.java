package se.samband.security.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.consent.Fixtures.NOW;
import static se.samband.security.consent.Fixtures.SOC_BOLLNAS;
import static se.samband.security.consent.Fixtures.releaseConsent;
import static se.samband.security.consent.RegistrationProblem.Code.HUB_NOT_ALLOWED;
import static se.samband.security.consent.RegistrationProblem.Code.INVALID_FORMAT;
import static se.samband.security.consent.RegistrationProblem.Code.MISSING;
import static se.samband.security.consent.RegistrationProblem.Code.NOT_CONSENTABLE;
import static se.samband.security.consent.RegistrationProblem.Code.PARTICIPANT_UNKNOWN;
import static se.samband.security.consent.RegistrationProblem.Code.PERIOD_REVERSED;
import static se.samband.security.consent.RegistrationProblem.Code.PERIOD_TOO_LONG;
import static se.samband.security.consent.RegistrationProblem.Code.RECORDED_IN_FUTURE;
import static se.samband.security.consent.RegistrationProblem.Code.SCOPE_EMPTY;
import static se.samband.security.consent.RegistrationProblem.Code.VERSION_INVALID;
import static se.samband.security.consent.RegistrationProblem.Code.WITHDRAWAL_INCONSISTENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.error.SambandException;

class ConsentValidatorTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    private final ConsentValidator validator = new ConsentValidator(Fixtures.DEMO, Clock.fixed(NOW, ZoneOffset.UTC));

    private static RegistrationProblem problem(RegistrationProblem.Code code, String field) {
        return new RegistrationProblem(code, field, null);
    }

    private static RegistrationProblem problem(RegistrationProblem.Code code, String field, String value) {
        return new RegistrationProblem(code, field, value);
    }

    @Test
    void acceptsAWellFormedConsent() {
        assertThat(validator.validate(releaseConsent().build())).isEmpty();
    }

    @Test
    void acceptsAWellFormedWithdrawal() {
        ConsentRecord withdrawal = releaseConsent().version(2).status(ConsentRecord.Status.WITHDRAWN)
                .withdrawnAt(NOW).withdrawnVia("PHONE").build();
        assertThat(validator.validate(withdrawal)).isEmpty();
    }

    @Test
    void reportsEmptyRecipients() {
        assertThat(validator.validate(releaseConsent().recipients(Set.of()).build()))
                .containsExactly(problem(SCOPE_EMPTY, "recipients"));
    }

    @Test
    void reportsEveryEmptyScopeSet() {
        ConsentRecord empty = releaseConsent().senders(Set.of()).recipients(Set.of()).noticeTypes(Set.of())
                .dataCategories(Set.of()).purposes(Set.of()).build();
        assertThat(validator.validate(empty)).containsExactlyInAnyOrder(
                problem(SCOPE_EMPTY, "senders"), problem(SCOPE_EMPTY, "recipients"),
                problem(SCOPE_EMPTY, "noticeTypes"), problem(SCOPE_EMPTY, "dataCategories"),
                problem(SCOPE_EMPTY, "purposes"));
    }

    @Test
    void reportsEachUnknownParticipantWithItsField() {
        ConsentRecord unknown = releaseConsent()
                .recipients(Set.of(SOC_BOLLNAS, ParticipantId.of("socialtjanst.nowhere")))
                .senders(Set.of(ParticipantId.of("polisen.nowhere")))
                .recordedBy(ParticipantId.of("polisen.nowhere")).build();
        assertThat(validator.validate(unknown)).containsExactlyInAnyOrder(
                problem(PARTICIPANT_UNKNOWN, "recipients", "socialtjanst.nowhere"),
                problem(PARTICIPANT_UNKNOWN, "senders", "polisen.nowhere"),
                problem(PARTICIPANT_UNKNOWN, "recordedBy", "polisen.nowhere"));
    }

    @Test
    void refusesAConsentNamingTheHub() {
        ConsentRecord hub = releaseConsent().recipients(Set.of(SOC_BOLLNAS, ParticipantId.HUB)).build();
        assertThat(validator.validate(hub)).containsExactly(problem(HUB_NOT_ALLOWED, "recipients", "samband.hub"));
    }

    @Test
    void reportsAMissingPeriod() {
        ConsentRecord open = releaseConsent().validFrom(null).validTo(null).build();
        assertThat(validator.validate(open)).containsExactlyInAnyOrder(
                problem(MISSING, "validFrom"), problem(MISSING, "validTo"));
    }

    @Test
    void reportsAPeriodThatEndsBeforeOrWhenItBegins() {
        assertThat(validator.validate(releaseConsent().validFrom(FROM).validTo(FROM).build()))
                .containsExactly(problem(PERIOD_REVERSED, "validTo"));
        assertThat(validator.validate(releaseConsent().validFrom(FROM).validTo(FROM.minusSeconds(1)).build()))
                .containsExactly(problem(PERIOD_REVERSED, "validTo"));
    }

    @Test
    void allowsThreeYearsAndNoMoreByDefault() {
        Instant threeYears = Instant.parse("2029-11-01T00:00:00Z");
        assertThat(validator.validate(releaseConsent().validFrom(FROM).validTo(threeYears).build())).isEmpty();
        assertThat(validator.validate(releaseConsent().validFrom(FROM).validTo(threeYears.plusSeconds(1)).build()))
                .containsExactly(problem(PERIOD_TOO_LONG, "validTo"));
    }

    @Test
    void takesTheMaximumValidityFromConfiguration() {
        ConsentValidator oneYear = new ConsentValidator(Fixtures.DEMO, Period.ofYears(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Instant oneYearOn = Instant.parse("2027-11-01T00:00:00Z");

        assertThat(oneYear.validate(releaseConsent().validFrom(FROM).validTo(oneYearOn).build())).isEmpty();
        assertThat(oneYear.validate(releaseConsent().validFrom(FROM).validTo(oneYearOn.plusSeconds(1)).build()))
                .containsExactly(problem(PERIOD_TOO_LONG, "validTo"));
        assertThatThrownBy(() -> new ConsentValidator(Fixtures.DEMO, Period.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ConsentRecord broken = ConsentRecord.builder()
                .consentId("has spaces")
                .version(0)
                .status(null)
                .subjectPseudonym("640823-3234")
                .recordedByFunction("Handläggare 640823-3234")
                .evidenceRef("pnr 6408233234")
                .recordedAt(NOW.plus(Duration.ofHours(1)))
                .senders(Set.of(ParticipantId.of("polisen.nowhere")))
                .recipients(Set.of())
                .noticeTypes(Set.of(NoticeType.ACCEPTED))
                .dataCategories(Set.of(DataCategory.CONTACT_DETAILS))
                .purposes(Set.of(Purpose.SERVICE))
                .validFrom(FROM)
                .validTo(FROM.plus(Duration.ofDays(3650)))
                .effect(null)
                .withdrawnVia("PHONE")
                .build();

        assertThat(validator.validate(broken)).containsExactlyInAnyOrder(
                problem(INVALID_FORMAT, "consentId"),
                problem(VERSION_INVALID, "version"),
                problem(MISSING, "status"),
                problem(INVALID_FORMAT, "subjectPseudonym"),
                problem(MISSING, "givenBy"),
                problem(MISSING, "recordedBy"),
                problem(INVALID_FORMAT, "recordedByFunction"),
                problem(RECORDED_IN_FUTURE, "recordedAt"),
                problem(MISSING, "form"),
                problem(INVALID_FORMAT, "evidenceRef"),
                problem(PARTICIPANT_UNKNOWN, "senders", "polisen.nowhere"),
                problem(SCOPE_EMPTY, "recipients"),
                problem(NOT_CONSENTABLE, "noticeTypes", "ACCEPTED"),
                problem(NOT_CONSENTABLE, "purposes", "SERVICE"),
                problem(PERIOD_TOO_LONG, "validTo"),
                problem(MISSING, "effect"),
                problem(WITHDRAWAL_INCONSISTENT, "withdrawnVia"));
    }

    @Test
    void refusesNoticeTypesTheTableDoesNotAllowOnConsent() {
        ConsentRecord contactBan = releaseConsent()
                .noticeTypes(Set.of(NoticeType.RELEASE_CONTACT_CONSENT, NoticeType.CONTACT_BAN_DECISION)).build();
        assertThat(validator.validate(contactBan))
                .containsExactly(problem(NOT_CONSENTABLE, "noticeTypes", "CONTACT_BAN_DECISION"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps1:short", "ps2:47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
        "ps1:47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFV", "ps1:47DEQpj8HBSa+/TImW-5JCeuQeRkm5NMpJWZG3hSuFU"})
    void refusesAPseudonymOfTheWrongShape(String pseudonym) {
        assertThat(validator.validate(releaseConsent().subjectPseudonym(pseudonym).build()))
                .containsExactly(problem(INVALID_FORMAT, "subjectPseudonym"));
    }

    @Test
    void acceptsThePseudonymOfASha256() {
        String real = Fixtures.pseudonym("somebody");
        assertThat(validator.validate(releaseConsent().subjectPseudonym(real).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"REF-640823-3234", "KV:196408233234", "7010632391"})
    void refusesAnEvidenceReferenceShapedLikeAPersonalIdentityNumber(String reference) {
        assertThat(validator.validate(releaseConsent().evidenceRef(reference).build()))
                .containsExactly(problem(INVALID_FORMAT, "evidenceRef"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "kvv-196408233234", "KV:19640823-3234.v1"})
    void refusesAConsentIdShapedLikeAPersonalIdentityNumber(String consentId) {
        assertThat(validator.validate(releaseConsent().consentId(consentId).build()))
                .containsExactly(problem(INVALID_FORMAT, "consentId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f1c2a4e-8d7b-4c1a-9e2f-196408233234", "kvv-19640823-3234-4c1a-9e2f-3f1c2a4e8d7b"})
    void acceptsAConsentIdMadeFromAUuidWhoseDigitsLookLikeOne(String consentId) {
        assertThat(validator.validate(releaseConsent().consentId(consentId).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOC-2026-000123", "arende/2026/77#bilaga-2", "E-SIGN:4f9a2c"})
    void acceptsOpaqueEvidenceReferences(String reference) {
        assertThat(validator.validate(releaseConsent().evidenceRef(reference).build())).isEmpty();
    }

    @Test
    void reportsAStatusAndWithdrawalTimeThatDisagree() {
        ConsentRecord withdrawnWithoutTime = releaseConsent().status(ConsentRecord.Status.WITHDRAWN).build();
        ConsentRecord activeWithTime = releaseConsent().withdrawnAt(NOW).build();

        assertThat(validator.validate(withdrawnWithoutTime))
                .containsExactly(problem(WITHDRAWAL_INCONSISTENT, "withdrawnAt"));
        assertThat(validator.validate(activeWithTime)).containsExactly(problem(WITHDRAWAL_INCONSISTENT, "withdrawnAt"));
    }

    @Test
    void toleratesFiveMinutesOfClockSkewForRecordedAt() {
        assertThat(validator.validate(releaseConsent().recordedAt(NOW.plus(Duration.ofMinutes(5))).build())).isEmpty();
    }

    @Test
    void givesEachCodeAStableSnakeCaseForm() {
        assertThat(SCOPE_EMPTY.code()).isEqualTo("scope_empty");
        assertThat(PARTICIPANT_UNKNOWN.code()).isEqualTo("participant_unknown");
    }

    @Test
    void refusesASetWithANullElementWhenTheRecordIsBuilt() {
        Set<ParticipantId> withNull = new java.util.HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> releaseConsent().recipients(withNull).build()).isInstanceOf(SambandException.class);
    }
}
