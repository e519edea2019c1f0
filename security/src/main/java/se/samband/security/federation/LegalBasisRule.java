package se.samband.security.federation;

import java.util.Set;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantKind;

/**
 * One row of the legal-basis table: what a basis covers. Data, not code, so that a legal team
 * can correct it without a release.
 *
 * @param reference       the statute, for people (e.g. "OSL 10:18 c")
 * @param review          whether every disclosure on it goes to a security officer's follow-up review
 * @param maxValidityDays how long a disclosure on it may stand (EMERGENCY: at most 7), null for no limit
 * @param reasonRequired  whether the header must carry a reason code
 * @param condition       what the sender must have established, for people (not checked by the hub)
 */
public record LegalBasisRule(
        LegalBasisCode code,
        String reference,
        Set<ParticipantKind> senders,
        Set<ParticipantKind> recipients,
        Set<NoticeType> types,
        Set<DataCategory> dataCategories,
        boolean review,
        Integer maxValidityDays,
        boolean reasonRequired,
        String condition) {

    public LegalBasisRule {
        senders = senders == null ? Set.of() : Set.copyOf(senders);
        recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
        types = types == null ? Set.of() : Set.copyOf(types);
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
    }

    /** Whether this basis covers the parties, the type and every data category of a disclosure. */
    public boolean covers(ParticipantKind sender, ParticipantKind recipient, NoticeType type,
                          Set<DataCategory> categories) {
        return senders.contains(sender) && recipients.contains(recipient) && types.contains(type)
                && dataCategories.containsAll(categories);
    }
}
