package se.samband.hub.officer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One disclosure decision from the audit trail as a security officer sees it: the entry's id (its chain position),
 * which notice went (or was held or refused) from whom to whom about which pseudonyms, on which basis, and the
 * follow-up review when the basis needs one. Codes and pseudonyms only.
 *
 * @param id             the audit entry's position; the id of its review
 * @param event          {@code DISCLOSURE_DECIDED}, or {@code HOLD_RELEASED} for a held notice released later
 * @param sender         the sending participant (from the handover record), null if unknown
 * @param recipient      the receiving participant
 * @param reviewRequired whether the basis needs a security officer's follow-up review
 * @param review         the review's state when one is required, else null
 */
record Disclosure(long id, Instant occurredAt, String event, UUID noticeId, String noticeType, String sender,
                  String recipient, List<String> subjects, String decision, String legalBasis, String consentId,
                  String reasonCode, boolean reviewRequired, Review review) {

    /** {@code OPEN}, or {@code REVIEWED} with who, when, the finding and the officer's comment. */
    record Review(String state, String reviewedBy, Instant reviewedAt, String finding, String comment) {
        static final Review OPEN = new Review("OPEN", null, null, null, null);
    }

    Disclosure withSubjects(List<String> pseudonyms) {
        return new Disclosure(id, occurredAt, event, noticeId, noticeType, sender, recipient, List.copyOf(pseudonyms),
                decision, legalBasis, consentId, reasonCode, reviewRequired, review);
    }
}
