package se.samband.hub.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
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
 * Decides what one due respond-by check leads to, from the handover state the audit writer keeps:
 * <ul>
 *   <li>{@code ACCEPTED}, {@code DENIED}: closed, nothing to do;</li>
 *   <li>{@code OVERDUE}: already escalated (by this watch on an earlier delivery of the check, or because a hold ran
 *       out), nothing to do;</li>
 *   <li>{@code DELIVERED}, {@code RECEIVED}, {@code HELD}: no one took responsibility, escalate;</li>
 *   <li>{@code DECLINED}: the recipient refused, so the case is still open for the sender: escalate too (the
 *       handover stays {@code DECLINED}, which tells the sender more than {@code OVERDUE});</li>
 *   <li>not recorded yet (the audit writer lags the broker): check again a little later, at most
 *       {@code maxRechecks} times, then escalate with state {@code UNKNOWN}: a late escalation is better than a
 *       case that falls between.</li>
 * </ul>
 * A check that arrives before its respond-by time by the hub's clock (a clock step, another instance) is put back
 * to that time. Escalating means one hub-signed {@code ESCALATION} to the recipient's escalation contact (the
 * recipient itself if the federation names none) and one to the sender, and a {@code HANDOVER_ESCALATED} event
 * whose outcome is {@code FAILED} if a party has no certificate to seal for. Notice ids are derived, so a check
 * processed twice (redelivery, two hub instances) escalates once: the recipient queues drop the duplicate.
 */
final class RespondByWatch {
    /** AUDIT-EVENTS.md: the reason code of HANDOVER_ESCALATED, also the escalation notices' reason code. */
    static final String RESPOND_BY_PASSED = "RESPOND_BY_PASSED";
    static final String UNKNOWN = "UNKNOWN";
    private static final Set<HandoverState> SETTLED = Set.of(HandoverState.ACCEPTED, HandoverState.DENIED,
            HandoverState.OVERDUE);

    private final HandoverStore handovers;
    private final Supplier<Federation> federation;
    private final HubReceipts receipts;
    private final Clock clock;
    private final WatchProperties properties;

    RespondByWatch(HandoverStore handovers, Supplier<Federation> federation, HubReceipts receipts, Clock clock,
                   WatchProperties properties) {
        this.handovers = handovers;
        this.federation = federation;
        this.receipts = receipts;
        this.clock = clock;
        this.properties = properties;
    }

    WatchStep due(DueCheck check) {
        Instant now = clock.instant();
        if (now.isBefore(check.respondBy())) {
            return new WatchStep.Recheck(check, check.respondBy());
        }
        Optional<Handover> handover = handovers.find(check.noticeId(), check.recipient());
        if (handover.isEmpty() && check.recheck() < properties.maxRechecks()) {
            DueCheck again = new DueCheck(check.noticeId(), check.recipient(), check.sender(), check.respondBy(),
                    check.recheck() + 1);
            return new WatchStep.Recheck(again, now.plus(properties.recheckDelay()));
        }
        if (handover.isPresent() && SETTLED.contains(handover.get().state())) {
            return new WatchStep.Settled(handover.get().state().name());
        }
        return new WatchStep.Escalate(escalation(check, handover.orElse(null), now));
    }

    private DispatchPlan escalation(DueCheck check, Handover handover, Instant now) {
        NoticeType type = handover == null ? null : handover.type();
        ParticipantId sender = check.sender() != null ? check.sender() : handover == null ? null : handover.sender();
        Optional<Participant.EscalationContact> contact = federation.get().participant(check.recipient())
                .map(Participant::escalation);
        ParticipantId contactId = contact.map(Participant.EscalationContact::participant).orElse(check.recipient());
        String function = contact.map(Participant.EscalationContact::function).orElse(null);
        EscalationPayload payload = new EscalationPayload(check.noticeId(), type, check.recipient(),
                check.respondBy(), handover == null ? UNKNOWN : handover.state().name(), contactId, function);
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
                .noticeId(check.noticeId())
                .counterpart(check.recipient().value())
                .noticeType(type)
                .reasonCode(RESPOND_BY_PASSED)
                .outcome(everyoneTold ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                .build();
        return new DispatchPlan(check.noticeId(), List.of(), List.of(), notices, List.of(escalated), List.of(), null);
    }
}
