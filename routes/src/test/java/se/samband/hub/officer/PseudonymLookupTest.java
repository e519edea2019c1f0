package se.samband.hub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;

/** An officer's pseudonym lookup: the federation's pseudonym, audited, and never the number anywhere. */
class PseudonymLookupTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(new byte[32]);
    private final RecordingAudit audit = new RecordingAudit();
    private final PseudonymLookup lookup = new PseudonymLookup(PSEUDONYMIZER, audit, CLOCK);

    @Test
    void givesTheFederationsPseudonymForEitherFormAndAuditsTheLookup() {
        String expected = PSEUDONYMIZER.pseudonymize(Personnummer.parse("196408233234", LocalDate.of(2026, 11, 22)));

        assertThat(lookup.pseudonymise("640823-3234", "security-officer:security")).isEqualTo(expected);
        assertThat(lookup.pseudonymise(" 196408233234 ", "security-officer:security")).isEqualTo(expected);

        assertThat(audit.events).hasSize(2).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.PSEUDONYM_LOOKUP);
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(event.actor()).isEqualTo("security-officer:security");
            assertThat(event.subjectPseudonyms()).containsExactly(expected);
            assertThat(event.toString()).doesNotContain("640823").doesNotContain("3234");
        });
    }

    @Test
    void anInvalidNumberIsRefusedAndAuditedAsAFailedLookupWithoutTheNumber() {
        for (String invalid : new String[] {"640823-3235", "641323-3234", "abc", null}) {
            assertThatThrownBy(() -> lookup.pseudonymise(invalid, "security-officer:security"))
                    .isInstanceOfSatisfying(SambandException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PERSONNUMMER);
                        assertThat(e.getMessage()).doesNotContain("640823").doesNotContain("641323");
                    });
        }

        assertThat(audit.events).hasSize(4).allSatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(event.reasonCode()).isEqualTo("invalid_personnummer");
            assertThat(event.subjectPseudonyms()).isEmpty();
        });
    }
}
