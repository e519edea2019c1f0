package se.samband.security.federation;

import java.util.List;
import java.util.Optional;
import se.samband.notice.LegalBasisCode;

/** The versioned legal-basis table of a federation. */
public record LegalBasisTable(String version, List<LegalBasisRule> bases) {

    public LegalBasisTable {
        bases = bases == null ? List.of() : List.copyOf(bases);
    }

    public Optional<LegalBasisRule> rule(LegalBasisCode code) {
        return bases.stream().filter(b -> b.code() == code).findFirst();
    }
}
