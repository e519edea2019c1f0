package se.samband.hub.routing;

import java.util.List;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.security.federation.Participant;

/** Where a verified notice goes: a case notice to its recipients, or a receipt back to the original sender. */
public sealed interface Route permits Route.ToRecipients, Route.ReceiptBack {

    /** A case notice; each recipient is then decided on its own. */
    record ToRecipients(List<Participant> recipients) implements Route {
        public ToRecipients {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * A receipt (RECEIVED, ACCEPTED, DECLINED) from a recipient, forwarded unchanged.
     *
     * @param answered       the handover the receipt answers (the original notice to the receipt's sender)
     * @param originalSender where the receipt goes
     */
    record ReceiptBack(Handover answered, Participant originalSender) implements Route {
    }
}
