package se.samband.security.federation;

import java.util.Set;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantKind;

/** Which sender kinds may send which notice types to which recipient kinds. */
public record RoutingRule(Set<ParticipantKind> senders, Set<NoticeType> types, Set<ParticipantKind> recipients) {

    public RoutingRule {
        senders = senders == null ? Set.of() : Set.copyOf(senders);
        types = types == null ? Set.of() : Set.copyOf(types);
        recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
    }

    public boolean permits(ParticipantKind sender, NoticeType type, ParticipantKind recipient) {
        return senders.contains(sender) && types.contains(type) && recipients.contains(recipient);
    }
}
