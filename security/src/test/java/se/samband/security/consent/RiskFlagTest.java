package se.samband.security.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.security.consent.Fixtures.NOW;
import static se.samband.security.consent.Fixtures.PERSON;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

class RiskFlagTest {
    private static final Instant SET = NOW.minus(Duration.ofDays(1));
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(10));
    private static final ParticipantId POLICE = ParticipantId.of("polisen.jonkoping");

    private final ConsentValidator validator = new ConsentValidator(Fixtures.DEMO, Clock.fixed(NOW, ZoneOffset.UTC));

    private static RiskFlag flag(ParticipantId setBy, Instant until, Instant clearedAt) {
        return new RiskFlag(PERSON, setBy, until, "CONTACT_ENDANGERS_VICTIM", SET, clearedAt);
    }

    @Test
    void isActiveUntilItsEndExclusive() {
        RiskFlag flag = flag(POLICE, UNTIL, null);
        assertThat(flag.isActive(NOW)).isTrue();
        assertThat(flag.isActive(UNTIL.minusMillis(1))).isTrue();
        assertThat(flag.isActive(UNTIL)).isFalse();
    }

    @Test
    void endsWhenItIsCleared() {
        RiskFlag cleared = flag(POLICE, UNTIL, NOW);
        assertThat(cleared.isActive(NOW.minusMillis(1))).isTrue();
        assertThat(cleared.isActive(NOW)).isFalse();
    }

    @Test
    void protectsFromTheMomentTheHubKnowsItEvenIfSetAtIsAheadOfTheClock() {
        RiskFlag fromAnotherInstance = new RiskFlag(PERSON, POLICE, UNTIL, "CONTACT_ENDANGERS_VICTIM",
                NOW.plusSeconds(2), null);
        assertThat(fromAnotherInstance.isActive(NOW)).isTrue();
    }

    @Test
    void treatsAFlagWithoutEndAsActiveUntilCleared() {
        assertThat(flag(POLICE, null, null).isActive(NOW.plus(Duration.ofDays(9999)))).isTrue();
        assertThat(flag(POLICE, null, NOW).isActive(NOW)).isFalse();
    }

    @Test
    void holdsBackExactlyTheTypesThatLeadToContactingThePerson() {
        assertThat(RiskFlag.HELD_TYPES).containsExactlyInAnyOrder(NoticeType.RELEASE_CONTACT_CONSENT,
                NoticeType.POST_INTERVIEW_SUPPORT_OFFER, NoticeType.GROUP_PROGRAMME_REFERRAL,
                NoticeType.TREATMENT_REFERRAL);
        EnumSet.complementOf(EnumSet.copyOf(RiskFlag.HELD_TYPES))
                .forEach(type -> assertThat(RiskFlag.holdsBack(type)).as(type.name()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"polisen.jonkoping", "socialtjanst.jonkoping"})
    void mayBeSetByThePoliceAndSocialServices(String setter) {
        assertThat(validator.validate(flag(ParticipantId.of(setter), UNTIL, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kriminalvarden.frivard-jonkoping", "region.utvag-skaraborg",
        "aklagare.aklagarmyndigheten", "samverkan.atv-jonkoping", "samband.hub"})
    void mayNotBeSetByOtherKinds(String setter) {
        assertThat(validator.validate(flag(ParticipantId.of(setter), UNTIL, null)))
                .containsExactly(new RegistrationProblem(RegistrationProblem.Code.SETTER_NOT_PERMITTED, "setBy",
                        setter));
    }

    @Test
    void reportsEveryProblemOfAFlagAtOnce() {
        RiskFlag broken = new RiskFlag("ps1:nope", ParticipantId.of("polisen.nowhere"), SET.minusSeconds(1),
                "free text reason", SET, null);
        assertThat(validator.validate(broken)).containsExactlyInAnyOrder(
                new RegistrationProblem(RegistrationProblem.Code.INVALID_FORMAT, "subjectPseudonym", null),
                new RegistrationProblem(RegistrationProblem.Code.PARTICIPANT_UNKNOWN, "setBy", "polisen.nowhere"),
                new RegistrationProblem(RegistrationProblem.Code.INVALID_FORMAT, "reasonCode", null),
                new RegistrationProblem(RegistrationProblem.Code.PERIOD_REVERSED, "until", null));
    }

    @Test
    void refusesAFlagWithoutEnd() {
        assertThat(validator.validate(flag(POLICE, null, null)))
                .containsExactly(new RegistrationProblem(RegistrationProblem.Code.MISSING, "until", null));
    }

    @Test
    void keepsThePseudonymOutOfItsTextForm() {
        assertThat(flag(POLICE, UNTIL, null).toString()).doesNotContain(PERSON).contains("polisen.jonkoping");
        assertThat(Fixtures.releaseConsent().build().toString()).doesNotContain(PERSON)
                .doesNotContain("KV-DOC-2026-77").contains("KV-GAVLE-2026-0001");
    }
}
