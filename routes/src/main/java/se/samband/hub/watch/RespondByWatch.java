package se.samband.hub.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.receipt.HubReceipts.EscalationPayload;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * What escalating one handover means, once its respond-by time has passed and the handover still waits (the audit
 * writer keeps a handover waiting while it is {@code DELIVERED}, {@code RECEIVED} or {@code DECLINED}): one
 * hub-signed {@code ESCALATION} to the recipient's escalation contact (the recipient itself if the federation names
 * none) and one to the sender, and a {@code HANDOVER_ESCALATED} event
 * whose outcome is {@code FAILED} if a party has no certificate to seal for. A {@code DECLINED} handover escalates
 * too: the recipient refused, so the case is still open for the sender (the handover stays {@code DECLINED}, which
 * tells the sender more than {@code OVERDUE}). The escalation notices' ids are derived from the notice, the
 * recipient and the party, so a handover escalated twice (a sweep after a crash, two hub instances) reaches every
 * queue once: the broker drops the duplicate ids and the audit writer the duplicate event key.
 */
final class RespondByWatch {
    /** AUDIT-EVENTS.md: the reason code of HANDOVER_ESCALATED, also the escalation notices' reason code. */
    static final String RESPOND_BY_PASSED = "RESPOND_BY_PASSED";

    private final Supplier<Federation> federation;
    private final HubReceipts receipts;

    RespondByWatch(Supplier<Federation> federation, HubReceipts receipts) {
        this.federation = federation;
        this.receipts = receipts;
    }

    /** The escalation of {@code handover}, made at {@code now}; written by the caller in one JMS transaction. */
    DispatchPlan escalation(Handover handover, Instant now) {
        NoticeType type = handover.type();
        ParticipantId sender = handover.sender();
        ParticipantId recipient = handover.recipient();
        Optional<Participant.EscalationContact> contact = federation.get().participant(recipient)
                .map(Participant::escalation);
        ParticipantId contactId = contact.map(Participant.EscalationContact::participant).orElse(recipient);
        String function = contact.map(Participant.EscalationContact::function).orElse(null);
        EscalationPayload payload = new EscalationPayload(handover.noticeId(), type, recipient,
                handover.respondBy(), handover.state().name(), contactId, function);
        Set<ParticipantId> parties = new LinkedHashSet<>();
        parties.add(contactId);
        if (sender != null) {
            parties.add(sender);
        }
        List<DispatchPlan.Receipt> notices = new ArrayList<>(parties.size());
        for (ParticipantId party : parties) {
            receipts.escalation(party, RESPOND_BY_PASSED, payload).ifPresent(notices::add);
        }
        boolean everyoneTold = notices.size() == parties.size() && sender != null;
        AuditEvent escalated = AuditEvent.builder(AuditEventType.HANDOVER_ESCALATED, now, ParticipantId.HUB.value())
                .noticeId(handover.noticeId())
                .counterpart(recipient.value())
                .noticeType(type)
                .reasonCode(RESPOND_BY_PASSED)
                .outcome(everyoneTold ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                .build();
        return new DispatchPlan(handover.noticeId(), List.of(), List.of(), notices, List.of(escalated), List.of(),
                null);
    }
}
