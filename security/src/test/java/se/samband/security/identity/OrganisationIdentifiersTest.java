package se.samband.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class OrganisationIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2183", "0680", "1384", "1383", "1382", "1315", "1380", "1381", "0114", "2584"})
    void acceptsRealMunicipalityCodes(String code) {
        assertThat(Kommunkod.isValid(code)).isTrue();
        assertThat(Kommunkod.parse(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0080", "2680", "9999", "218", "21830", "21a3", "2100", " 2183", ""})
    void refusesInvalidMunicipalityCodes(String code) {
        assertThat(Kommunkod.isValid(code)).isFalse();
        assertRefused(() -> Kommunkod.parse(code), ErrorCode.INVALID_KOMMUNKOD);
    }

    @Test
    void knowsTheCountyOfAMunicipality() {
        assertThat(Kommunkod.parse("2183").county()).isEqualTo("21");
    }

    @Test
    void acceptsPolismyndighetensOrganisationsnummerInBothForms() {
        // 202100-007?: 2·2=4, 0, 2·2=4, 1, 0, 0, 0, 0, 7·2=14→5 → 14 → 6.
        assertThat(Organisationsnummer.parse("202100-0076").digits()).isEqualTo("2021000076");
        assertThat(Organisationsnummer.parse("2021000076").formatted()).isEqualTo("202100-0076");
        assertThat(Organisationsnummer.parse("202100-0076")).isEqualTo(Organisationsnummer.parse("2021000076"));
    }

    @Test
    void refusesOrganisationsnummerWithWrongCheckDigit() {
        assertRefused(() -> Organisationsnummer.parse("202100-0077"), ErrorCode.INVALID_ORGANISATIONSNUMMER);
    }

    @Test
    void refusesOrganisationsnummerShapedLikeAPersonnummer() {
        // 640823-3234 passes Luhn, but digits 3-4 (08) are a month, not >= 20: a sole trader's personnummer.
        assertRefused(() -> Organisationsnummer.parse("640823-3234"), ErrorCode.INVALID_ORGANISATIONSNUMMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"202100+0076", "20210-00076", "202100007", "20210000766", "2021OO0076", ""})
    void refusesMalformedOrganisationsnummer(String input) {
        assertThat(Organisationsnummer.isValid(input)).isFalse();
        assertRefused(() -> Organisationsnummer.parse(input), ErrorCode.INVALID_ORGANISATIONSNUMMER);
    }

    @Test
    void acceptsHsaIdOfARegion() {
        // Region Stockholm 232100-0016: 4, 3, 4, 1, 0, 0, 0, 0, 1·2=2 → 14 → 6.
        HsaId id = HsaId.parse("SE2321000016-15CQ");

        assertThat(id.organisationsnummer()).isEqualTo(Organisationsnummer.parse("232100-0016"));
    }

    @Test
    void acceptsHsaIdOfExactlyThirtyOneCharacters() {
        String longest = "SE2021000076-" + "A".repeat(18);

        assertThat(longest).hasSize(31);
        assertThat(HsaId.isValid(longest)).isTrue();
        assertRefused(() -> HsaId.parse(longest + "B"), ErrorCode.INVALID_HSA_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SE2321000016", "SE2321000016-", "se2321000016-15CQ", "SE2321000017-15CQ",
        "SE232100001615CQ", "SE2321000016-15 CQ", "SE2321000016-15_CQ", "SE232100-0016-15CQ", "DK2321000016-1"})
    void refusesInvalidHsaIds(String value) {
        assertThat(HsaId.isValid(value)).isFalse();
        assertRefused(() -> HsaId.parse(value), ErrorCode.INVALID_HSA_ID);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        SambandException error = catchThrowableOfType(SambandException.class, call);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.code()).isEqualTo(code);
    }
}
