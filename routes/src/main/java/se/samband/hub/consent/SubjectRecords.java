package se.samband.hub.consent;

import java.util.List;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** The consents and risk flags of one or more subjects. Holds pseudonyms: toString shows counts only. */
public record SubjectRecords(List<ConsentRecord> consents, List<RiskFlag> riskFlags) {
    public static final SubjectRecords NONE = new SubjectRecords(List.of(), List.of());

    public SubjectRecords {
        consents = List.copyOf(consents);
        riskFlags = List.copyOf(riskFlags);
    }

    @Override
    public String toString() {
        return "SubjectRecords[consents=" + consents.size() + ", riskFlags=" + riskFlags.size() + "]";
    }
}
