package se.samband.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Check digits in this test were worked out by hand (Luhn, weights 2,1,2,1,... over the first nine of
 * the ten digits), e.g. 640823-323?: 6·2=12→3, 4, 0, 8, 2·2=4, 3, 3·2=6, 2, 3·2=6 → 36 → 4.
 */
class PersonnummerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void parsesTheDomainExample() {
        Personnummer number = Personnummer.parse("640823-3234", TODAY);

        assertThat(number.normalized()).isEqualTo("196408233234");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1964, 8, 23));
        assertThat(number.isSamordningsnummer()).isFalse();
    }

    @Test
    void parsesTheDomainSamordningsnummerExample() {
        Personnummer number = Personnummer.parse("701063-2391", TODAY);

        assertThat(number.isSamordningsnummer()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1970, 10, 3));
        assertThat(number.normalized()).isEqualTo("197010632391");
    }

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "6408233234", "19640823-3234", "196408233234"})
    void normalisesEveryAcceptedFormToTwelveDigits(String input) {
        assertThat(Personnummer.parse(input, TODAY)).isEqualTo(Personnummer.parse("196408233234", TODAY));
        assertThat(Personnummer.parse(input, TODAY).normalized()).isEqualTo("196408233234");
    }

    @Test
    void plusSignMeansOneHundredOrOlder() {
        // 121212-121?: 2,2,2,2,2,2,2,2,2 → 18 → 2.
        Personnummer centenarian = Personnummer.parse("121212+1212", TODAY);

        assertThat(centenarian.normalized()).isEqualTo("191212121212");
        assertThat(centenarian.birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
    }

    @Test
    void tenDigitsWithoutSignMeanUnderOneHundred() {
        assertThat(Personnummer.parse("1212121212", TODAY).birthDate()).isEqualTo(LocalDate.of(2012, 12, 12));
        assertThat(Personnummer.parse("121212-1212", TODAY).birthDate()).isEqualTo(LocalDate.of(2012, 12, 12));
    }

    @Test
    void picksThePreviousCenturyWhenTheDateWouldBeLaterThisYear() {
        // 261231-123?: 2·2=4, 6, 1·2=2, 2, 3·2=6, 1, 1·2=2, 2, 3·2=6 → 31 → 9.
        assertThat(Personnummer.parse("261231-1239", TODAY).birthDate()).isEqualTo(LocalDate.of(1926, 12, 31));
        // 261122-123?: 4, 6, 2, 1, 2·2=4, 2, 2, 2, 6 → 29 → 1: born today.
        assertThat(Personnummer.parse("261122-1231", TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void leapDayIsValidInALeapYearOnly() {
        // 000229-123?: 0, 0, 0, 2, 2·2=4, 9, 2, 2, 6 → 25 → 5. 2000 is a leap year.
        assertThat(Personnummer.parse("000229-1235", TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        // The same digits with + mean 1900, which was not a leap year.
        assertRule(() -> Personnummer.parse("000229+1235", TODAY), "date");
        // 020229-123?: 0, 2, 0, 2, 4, 9, 2, 2, 6 → 27 → 3. 2002 is not a leap year.
        assertRule(() -> Personnummer.parse("020229-1233", TODAY), "date");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "990230-1234", // 9·2=18→9, 9, 0, 2, 3·2=6, 0, 2, 2, 6 → 36 → 4; 30 February
        "000231-1231", // 0, 0, 0, 2, 6, 1, 2, 2, 6 → 19 → 1; 31 February
        "001301-1234", // 0, 0, 1·2=2, 3, 0, 1, 2, 2, 6 → 16 → 4; month 13
    })
    void refusesImpossibleDates(String input) {
        assertRule(() -> Personnummer.parse(input, TODAY), "date");
    }

    @Test
    void refusesBirthDateInTheFuture() {
        // 261123-123?: 2·2=4, 6, 1·2=2, 1, 2·2=4, 3, 1·2=2, 2, 3·2=6 → 30 → 0.
        assertRule(() -> Personnummer.parse("202611231230", TODAY), "date");
        assertThat(Personnummer.parse("202611231230", TODAY.plusDays(1)).birthDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void refusesWrongCheckDigit() {
        assertRule(() -> Personnummer.parse("640823-3235", TODAY), "checksum");
        assertRule(() -> Personnummer.parse("196408233230", TODAY), "checksum");
    }

    @Test
    void acceptsSamordningsnummerDaysSixtyOneToNinetyOne() {
        // 701061-123?: 7·2=14→5, 0, 2, 0, 6·2=12→3, 1, 2, 2, 6 → 21 → 9.
        assertThat(Personnummer.parse("701061-1239", TODAY).birthDate()).isEqualTo(LocalDate.of(1970, 10, 1));
        // 701091-123?: 5, 0, 2, 0, 18→9, 1, 2, 2, 6 → 27 → 3.
        assertThat(Personnummer.parse("701091-1233", TODAY).birthDate()).isEqualTo(LocalDate.of(1970, 10, 31));
    }

    @Test
    void refusesSamordningsnummerDayNinetyTwo() {
        // 701092-123?: 5, 0, 2, 0, 9, 2, 2, 2, 6 → 28 → 2.
        assertRule(() -> Personnummer.parse("701092-1232", TODAY), "date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "640823 3234", "640823_3234", "64082-33234", "640823--3234", "19640823+3234",
        "6408233234 ", "64O8233234", "640823323", "1964082332345", "ABCDEFGHIJ", "２０２０"})
    void refusesMalformedInput(String input) {
        assertRule(() -> Personnummer.parse(input, TODAY), "format");
    }

    @Test
    void refusesNull() {
        assertRule(() -> Personnummer.parse(null, TODAY), "format");
    }

    @Test
    void refusesTwelveDigitFormOutsideCenturiesEighteenToTwenty() {
        assertRule(() -> Personnummer.parse("006408233234", TODAY), "date");
        assertRule(() -> Personnummer.parse("216408233234", TODAY), "date");
    }

    @Test
    void hidesTheNumberInToStringAndErrors() {
        Personnummer number = Personnummer.parse("640823-3234", TODAY);
        SambandException error = catchThrowableOfType(SambandException.class,
                () -> Personnummer.parse("640823-3235", TODAY));

        assertThat(number.toString()).isEqualTo("Personnummer[****]").doesNotContain("3234").doesNotContain("6408");
        assertThat(error.getMessage()).doesNotContain("640823").doesNotContain("3235");
    }

    private static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String rule) {
        SambandException error = catchThrowableOfType(SambandException.class, call);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_PERSONNUMMER);
        assertThat(error.getMessage()).startsWith("invalid_personnummer: " + rule);
    }
}
