package se.samband.hub.consent;

import java.time.Instant;
import java.util.List;
import se.samband.security.consent.ConsentRecord;

/** One consent version as the registry API shows it to a participant named in it or that recorded it. */
public record ConsentView(
        String consentId,
        int version,
        String status,
        String subjectPseudonym,
        String givenBy,
        String recordedBy,
        String recordedByFunction,
        Instant recordedAt,
        String form,
        String evidenceRef,
        List<String> senders,
        List<String> recipients,
        List<String> noticeTypes,
        List<String> dataCategories,
        List<String> purposes,
        Instant validFrom,
        Instant validTo,
        String effect,
        Instant withdrawnAt,
        String withdrawnVia) {

    static ConsentView of(ConsentRecord c) {
        return new ConsentView(c.consentId(), c.version(), name(c.status()), c.subjectPseudonym(), name(c.givenBy()),
                c.recordedBy().value(), c.recordedByFunction(), c.recordedAt(), name(c.form()), c.evidenceRef(),
                sorted(c.senders()), sorted(c.recipients()), sorted(c.noticeTypes()), sorted(c.dataCategories()),
                sorted(c.purposes()), c.validFrom(), c.validTo(), name(c.effect()), c.withdrawnAt(),
                c.withdrawnVia());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> sorted(java.util.Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    /** Ids only: the pseudonym and evidence reference stay out of logs. */
    @Override
    public String toString() {
        return "ConsentView[id=" + consentId + ", version=" + version + ", status=" + status + "]";
    }
}
