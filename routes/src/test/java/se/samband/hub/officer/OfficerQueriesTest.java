package se.samband.hub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;

/** The officer API's parameters: what each accepts, and query_invalid naming the parameter, never the value. */
class OfficerQueriesTest {

    @Test
    void datesAreSwedishDaysAndInstantsAreExact() {
        assertThat(OfficerQueries.from("2026-11-20")).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(OfficerQueries.to("2026-11-20")).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(OfficerQueries.from("2026-07-01")).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(OfficerQueries.to("2026-11-20T08:00:00Z")).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(OfficerQueries.from(null)).isNull();
    }

    @Test
    void readsLimitsCursorsPseudonymsParticipantsAndCodes() {
        assertThat(OfficerQueries.limit(null)).isEqualTo(100);
        assertThat(OfficerQueries.limit(500)).isEqualTo(500);
        assertThat(OfficerQueries.cursor("42")).isEqualTo(42L);
        assertThat(OfficerQueries.cursor("")).isNull();
        String pseudonym = "ps1:" + "x".repeat(43);
        assertThat(OfficerQueries.pseudonym("subject", pseudonym, true)).isEqualTo(pseudonym);
        assertThat(OfficerQueries.participant("polisen.gavleborg")).isEqualTo("polisen.gavleborg");
        assertThat(OfficerQueries.decision("permit")).isEqualTo(AuditDecision.PERMIT);
        assertThat(OfficerQueries.basis("PREVENT_IPV_18C")).isEqualTo(LegalBasisCode.PREVENT_IPV_18C);
    }

    @Test
    void refusesWhatItCannotReadWithQueryInvalidAndWithoutTheValue() {
        assertInvalid(() -> OfficerQueries.from("20 november"), "from");
        assertInvalid(() -> OfficerQueries.limit(0), "limit");
        assertInvalid(() -> OfficerQueries.limit(501), "limit");
        assertInvalid(() -> OfficerQueries.cursor("-1"), "cursor");
        assertInvalid(() -> OfficerQueries.cursor("abc"), "cursor");
        assertInvalid(() -> OfficerQueries.pseudonym("subject", "640823-3234", false), "subject");
        assertInvalid(() -> OfficerQueries.participant("Polisen Gävleborg"), "participant");
        assertInvalid(() -> OfficerQueries.decision("MAYBE"), "decision");
        assertInvalid(() -> OfficerQueries.basis("CONSENT_OR_NOT"), "basis");
        assertInvalid(() -> OfficerQueries.period(Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-19T00:00:00Z")), "from");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OfficerRefused.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.QUERY_INVALID);
            assertThat(e.getMessage()).startsWith(parameter + ":").doesNotContain("640823").doesNotContain("MAYBE");
        });
    }
}
