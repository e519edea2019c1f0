package se.samband.hub.consent;

import java.util.List;

/**
 * Published (as a Spring application event) after a registry change has committed: a consent was registered,
 * versioned or withdrawn, or a risk flag was cleared or ran out ({@code consentId} null). The held store listens to
 * decide again what it holds for these subjects. Pseudonyms and ids only; toString shows the consent id.
 */
public record ConsentRegistryChanged(String consentId, List<String> subjectPseudonyms) {

    public ConsentRegistryChanged {
        subjectPseudonyms = List.copyOf(subjectPseudonyms);
    }

    @Override
    public String toString() {
        return "ConsentRegistryChanged[consentId=" + consentId + "]";
    }
}
