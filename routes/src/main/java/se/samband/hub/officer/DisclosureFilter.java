package se.samband.hub.officer;

import java.time.Instant;
import se.samband.notice.LegalBasisCode;
import se.samband.security.audit.AuditDecision;

/**
 * Which disclosures an officer asks for; every part is optional.
 *
 * @param subject     a {@code ps1:} pseudonym among the notice's subjects
 * @param participant sender or recipient
 * @param from        occurred at or after
 * @param to          occurred before
 * @param limit       at most this many per page
 * @param after       the cursor: entries older than this id (pages go from the newest back)
 */
record DisclosureFilter(String subject, String participant, Instant from, Instant to, AuditDecision decision,
                        LegalBasisCode basis, int limit, Long after) {

    static DisclosureFilter all(int limit) {
        return new DisclosureFilter(null, null, null, null, null, null, limit, null);
    }
}
