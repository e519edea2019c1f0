package se.samband.hub.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import se.samband.hub.consent.ConsentStore;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** Consents and risk flags in memory, for pipeline tests that are not about the database. */
public final class InMemoryConsentStore implements ConsentStore {
    private final List<ConsentRecord> consents = new CopyOnWriteArrayList<>();
    private final List<RiskFlag> flags = new CopyOnWriteArrayList<>();

    public InMemoryConsentStore add(ConsentRecord consent) {
        consents.add(consent);
        return this;
    }

    public InMemoryConsentStore add(RiskFlag flag) {
        flags.add(flag);
        return this;
    }

    @Override
    public List<ConsentRecord> consentsFor(Collection<String> pseudonyms) {
        return consents.stream().filter(c -> pseudonyms.contains(c.subjectPseudonym())).toList();
    }

    @Override
    public List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms) {
        return flags.stream().filter(f -> pseudonyms.contains(f.subjectPseudonym())).toList();
    }
}
