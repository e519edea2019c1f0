package se.samband.hub.consent;

import java.util.Collection;
import java.util.List;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/**
 * The consents and risk flags of subjects, by pseudonym, as the decision step needs them: every version of
 * every consent (the policy judges by the highest) and every flag, active or not (the policy judges by time).
 * A failure to read is an exception (a transient failure: the notice is redelivered), never an empty answer.
 */
public interface ConsentStore {

    /** Every version of every consent whose subject is one of {@code pseudonyms}. */
    List<ConsentRecord> consentsFor(Collection<String> pseudonyms);

    /** Every risk flag set on one of {@code pseudonyms}. */
    List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms);

    /** Both at once: one round trip (or one cache look-up) per notice instead of two. */
    default SubjectRecords recordsFor(Collection<String> pseudonyms) {
        return new SubjectRecords(consentsFor(pseudonyms), riskFlagsFor(pseudonyms));
    }
}
