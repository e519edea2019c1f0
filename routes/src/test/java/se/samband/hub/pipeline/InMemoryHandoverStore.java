package se.samband.hub.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.handover.HandoverStore;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/**
 * The handover store as the audit writer keeps it, in memory: {@link #apply} does what writing a committed plan
 * does to it (the real one follows the audit events in the database).
 */
public final class InMemoryHandoverStore implements HandoverStore {
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();
    private final Map<String, Handover> handovers = new ConcurrentHashMap<>();

    /** What the audit writer records once the plan's transaction has committed. */
    public void apply(DispatchPlan plan) {
        known.add(plan.noticeId());
        plan.deliveries().forEach(d -> put(new Handover(d.noticeId(), d.type(), d.sender(), d.recipient(),
                HandoverState.DELIVERED, null, null, Instant.EPOCH)));
        plan.held().forEach(h -> put(new Handover(h.noticeId(), h.type(), h.sender(), h.recipient(),
                HandoverState.HELD, h.reasonCode(), null, Instant.EPOCH)));
        for (AuditEvent event : plan.auditEvents()) {
            if (event.type() == AuditEventType.RECEIPT_RECORDED) {
                ParticipantId recipient = ParticipantId.of(event.counterpart());
                find(event.noticeId(), recipient).ifPresent(h -> put(new Handover(h.noticeId(), h.type(),
                        h.sender(), h.recipient(), HandoverState.valueOf(event.noticeType().name()),
                        event.reasonCode(), h.respondBy(), event.occurredAt())));
            }
        }
    }

    /** A handover made directly, e.g. a notice delivered by an earlier hub run. */
    public void put(Handover handover) {
        known.add(handover.noticeId());
        handovers.put(key(handover.noticeId(), handover.recipient()), handover);
    }

    public void delivered(UUID noticeId, NoticeType type, ParticipantId sender, ParticipantId recipient) {
        put(new Handover(noticeId, type, sender, recipient, HandoverState.DELIVERED, null, null, Instant.EPOCH));
    }

    @Override
    public boolean noticeKnown(UUID noticeId) {
        return known.contains(noticeId);
    }

    @Override
    public Optional<Handover> find(UUID noticeId, ParticipantId recipient) {
        return Optional.ofNullable(handovers.get(key(noticeId, recipient)));
    }

    @Override
    public List<Handover> handoversOf(UUID noticeId) {
        return handovers.values().stream().filter(h -> h.noticeId().equals(noticeId)).toList();
    }

    private static String key(UUID noticeId, ParticipantId recipient) {
        return noticeId + "|" + recipient;
    }
}
