package se.samband.security.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import se.samband.notice.NoticeHeader;
import se.samband.security.federation.Participant;

/**
 * Everything {@link ConsentPolicy#decide} needs for one recipient of one verified notice. The hub gathers the
 * consents and risk flags from its in-memory cache; the policy does no I/O.
 *
 * @param header           the verified header
 * @param sender           the federation entry of {@code header.sender()}
 * @param recipient        the federation entry of one of {@code header.recipients()}
 * @param consents         the consents registered for the header's subjects; any versions may be passed, the
 *                         policy judges by the highest version of each consent id
 * @param riskFlags        the risk flags of the header's subjects, active or not
 * @param now              the hub's clock at the decision
 * @param routingConfirmed an operator with the right role has confirmed this recipient for a notice about a
 *                         person with protected identity; everything else is still checked again
 */
public record DecisionRequest(
        NoticeHeader header,
        Participant sender,
        Participant recipient,
        List<ConsentRecord> consents,
        List<RiskFlag> riskFlags,
        Instant now,
        boolean routingConfirmed) {

    public DecisionRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(now, "now");
        consents = consents == null ? List.of() : List.copyOf(consents);
        riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
    }

    /** A first decision: no operator has confirmed the routing. */
    public DecisionRequest(NoticeHeader header, Participant sender, Participant recipient,
                           List<ConsentRecord> consents, List<RiskFlag> riskFlags, Instant now) {
        this(header, sender, recipient, consents, riskFlags, now, false);
    }

    /** The same request after an operator has confirmed the routing of a protected-identity notice. */
    public DecisionRequest withRoutingConfirmed() {
        return new DecisionRequest(header, sender, recipient, consents, riskFlags, now, true);
    }
}
