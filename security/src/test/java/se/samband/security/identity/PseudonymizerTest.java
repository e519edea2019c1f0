package se.samband.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final byte[] KEY = "samband-test-federation-key-0001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "samband-test-federation-key-0002".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern FORMAT = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");

    @Test
    void givesTheSamePseudonymForTenAndTwelveDigitForms() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        String ten = pseudonymizer.pseudonymize(Personnummer.parse("640823-3234", TODAY));
        String twelve = pseudonymizer.pseudonymize(Personnummer.parse("196408233234", TODAY));

        assertThat(ten).isEqualTo(twelve);
    }

    @Test
    void isHmacSha256OfTheTwelveDigitsInBase64UrlWithoutPadding() throws Exception {
        // An independent computation with a fresh JCE Mac, not the class under test.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = "ps1:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("196408233234".getBytes(StandardCharsets.US_ASCII)));

        assertThat(new Pseudonymizer(KEY).pseudonymize(Personnummer.parse("6408233234", TODAY))).isEqualTo(expected);
    }

    @Test
    void matchesThePseudonymFormatOfTheHeaderSchema() {
        String pseudonym = new Pseudonymizer(KEY).pseudonymize(Personnummer.parse("701063-2391", TODAY));

        assertThat(pseudonym).matches(FORMAT).hasSize(47).doesNotContain("=");
    }

    @Test
    void differentKeysGiveDifferentPseudonyms() {
        Personnummer number = Personnummer.parse("640823-3234", TODAY);

        assertThat(new Pseudonymizer(KEY).pseudonymize(number))
                .isNotEqualTo(new Pseudonymizer(OTHER_KEY).pseudonymize(number));
    }

    @Test
    void differentPeopleGetDifferentPseudonyms() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        assertThat(pseudonymizer.pseudonymize(Personnummer.parse("640823-3234", TODAY)))
                .isNotEqualTo(pseudonymizer.pseudonymize(Personnummer.parse("701063-2391", TODAY)));
    }

    @Test
    void refusesKeysShorterThanThirtyTwoBytes() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pseudonymizer(new byte[32]).pseudonymize(Personnummer.parse("640823-3234", TODAY)))
                .matches(FORMAT);
    }

    @Test
    void readsTheKeyFromBase64() {
        Personnummer number = Personnummer.parse("640823-3234", TODAY);

        assertThat(Pseudonymizer.fromBase64(Base64.getEncoder().encodeToString(KEY)).pseudonymize(number))
                .isEqualTo(new Pseudonymizer(KEY).pseudonymize(number));
        assertThatThrownBy(() -> Pseudonymizer.fromBase64("not base64 !")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64 !");
        assertThatThrownBy(() -> Pseudonymizer.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotKeepAReferenceToTheCallersKeyArray() {
        byte[] key = KEY.clone();
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        Personnummer number = Personnummer.parse("640823-3234", TODAY);
        String before = pseudonymizer.pseudonymize(number);

        java.util.Arrays.fill(key, (byte) 7);

        assertThat(pseudonymizer.pseudonymize(number)).isEqualTo(before);
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        Pseudonymizer shared = new Pseudonymizer(KEY);
        Pseudonymizer reference = new Pseudonymizer(KEY);
        List<Personnummer> people = List.of(Personnummer.parse("640823-3234", TODAY),
                Personnummer.parse("701063-2391", TODAY), Personnummer.parse("121212-1212", TODAY),
                Personnummer.parse("000229-1235", TODAY));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Set<String>>> tasks = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                tasks.add(() -> {
                    Set<String> wrong = new HashSet<>();
                    for (int i = 0; i < 5_000; i++) {
                        Personnummer person = people.get((i + offset) % people.size());
                        String expected = reference.pseudonymize(person);
                        if (!shared.pseudonymize(person).equals(expected)) {
                            wrong.add(expected);
                        }
                    }
                    return wrong;
                });
            }
            for (Future<Set<String>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringRevealsNoKey() {
        assertThat(new Pseudonymizer(KEY).toString()).doesNotContain("samband-test");
    }
}
