package se.samband.hub.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import se.samband.hub.consent.ConsentStore;
import se.samband.hub.consent.SubjectRecords;
import se.samband.notice.NoticeHeader;
import se.samband.notice.Subject;
import se.samband.security.consent.ConsentPolicy;
import se.samband.security.consent.DecisionRequest;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Step 4 of the pipeline: one {@link ConsentPolicy} decision per recipient, with the subjects' consents and risk
 * flags read once per notice. A failure to read the registry is an exception (the notice is redelivered), never
 * a decision. Thread-safe; the policy is rebuilt only when the directory loads another federation.
 */
public final class DisclosureDecisions {
    private final ConsentStore consents;
    private final Supplier<Federation> federation;
    private final Clock clock;
    private volatile PolicyOf policy;

    public DisclosureDecisions(ConsentStore consents, Supplier<Federation> federation, Clock clock) {
        this.consents = consents;
        this.federation = federation;
        this.clock = clock;
    }

    /** Decides for each recipient, in the order given; the header must be a verified case notice. */
    public List<RecipientDecision> decide(NoticeHeader header, Participant sender, List<Participant> recipients) {
        return decide(header, sender, recipients, false);
    }

    /**
     * As {@link #decide(NoticeHeader, Participant, List)}; {@code routingConfirmed}: an operator has confirmed these
     * recipients of a notice about a protected identity (everything else is still checked).
     */
    public List<RecipientDecision> decide(NoticeHeader header, Participant sender, List<Participant> recipients,
                                          boolean routingConfirmed) {
        List<String> pseudonyms = new ArrayList<>(header.subjects().size());
        for (Subject subject : header.subjects()) {
            pseudonyms.add(subject.pseudonym());
        }
        SubjectRecords records = pseudonyms.isEmpty() ? SubjectRecords.NONE : consents.recordsFor(pseudonyms);
        ConsentPolicy current = policy();
        Instant now = clock.instant();
        List<RecipientDecision> decisions = new ArrayList<>(recipients.size());
        for (Participant recipient : recipients) {
            DecisionRequest request = new DecisionRequest(header, sender, recipient, records.consents(),
                    records.riskFlags(), now, routingConfirmed);
            decisions.add(new RecipientDecision(recipient, current.decide(request)));
        }
        return decisions;
    }

    private ConsentPolicy policy() {
        Federation current = federation.get();
        PolicyOf cached = policy;
        if (cached == null || cached.federation != current) {
            cached = new PolicyOf(current, new ConsentPolicy(current.legalBases()));
            policy = cached;
        }
        return cached.policy;
    }

    private record PolicyOf(Federation federation, ConsentPolicy policy) {
    }
}
