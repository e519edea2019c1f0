package se.samband.hub.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;

/** Where each handover of one notice stands, for its sender. */
public record NoticeStatus(UUID noticeId, String type, List<RecipientState> recipients) {

    /** One recipient's handover. */
    public record RecipientState(String recipient, HandoverState state, String reasonCode, Instant respondBy,
                                 Instant updatedAt) {
    }

    static NoticeStatus of(UUID noticeId, List<Handover> handovers) {
        return new NoticeStatus(noticeId, handovers.get(0).type() == null ? null : handovers.get(0).type().name(),
                handovers.stream()
                        .map(h -> new RecipientState(h.recipient().value(), h.state(), h.reasonCode(), h.respondBy(),
                                h.updatedAt()))
                        .toList());
    }
}
