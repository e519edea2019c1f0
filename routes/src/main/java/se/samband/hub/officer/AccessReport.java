package se.samband.hub.officer;

import java.time.Instant;
import java.util.List;

/**
 * Everything the hub disclosed (or held or refused) about one person, for a GDPR Art. 15 request: every disclosure
 * decision whose subjects include the pseudonym, oldest first, and the participants the person's data reached.
 *
 * @param recipients the participants that received a notice about the person (PERMIT), in order of first receipt
 * @param truncated  true if there were more than the report's limit ({@code samband.officer.access-report-max})
 */
record AccessReport(String subject, Instant generatedAt, List<String> recipients, List<Disclosure> disclosures,
                    boolean truncated) {

    static AccessReport of(String subject, Instant generatedAt, List<Disclosure> found, int max) {
        List<Disclosure> disclosures = found.size() > max ? found.subList(0, max) : found;
        List<String> recipients = disclosures.stream().filter(d -> "PERMIT".equals(d.decision()))
                .map(Disclosure::recipient).distinct().toList();
        return new AccessReport(subject, generatedAt, recipients, List.copyOf(disclosures), found.size() > max);
    }
}
