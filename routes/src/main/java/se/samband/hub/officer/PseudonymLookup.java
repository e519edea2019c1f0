package se.samband.hub.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;

/**
 * A security officer turns a personal identity number into the federation's pseudonym, to query the trail by
 * subject. Every lookup is audited as {@code PSEUDONYM_LOOKUP}: the pseudonym on success, {@code FAILED} with
 * {@code invalid_personnummer} otherwise. The number itself is never kept, logged or audited.
 */
final class PseudonymLookup {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Pseudonymizer pseudonymizer;
    private final OfficerAudit audit;
    private final Clock clock;

    PseudonymLookup(Pseudonymizer pseudonymizer, OfficerAudit audit, Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pseudonym of this number; {@code INVALID_PERSONNUMMER} (audited as a failed lookup) if it is not valid. */
    String pseudonymise(String personnummer, String actor) {
        Personnummer number;
        try {
            number = Personnummer.parse(personnummer == null ? null : personnummer.strip(),
                    LocalDate.now(clock.withZone(SWEDEN)));
        } catch (SambandException invalid) {
            audit.record(AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, clock.instant(), actor)
                    .outcome(AuditOutcome.FAILED).reasonCode(ErrorCode.INVALID_PERSONNUMMER.code()).build());
            throw invalid;
        }
        String pseudonym = pseudonymizer.pseudonymize(number);
        audit.record(AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, clock.instant(), actor)
                .subjectPseudonyms(List.of(pseudonym)).build());
        return pseudonym;
    }
}
