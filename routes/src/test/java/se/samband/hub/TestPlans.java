package se.samband.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/** Dispatch plans for tests of the writer and the routes: fresh participant ids per call keep tests apart. */
public final class TestPlans {
    private TestPlans() {
    }

    /** A participant id nobody else uses, e.g. {@code socialtjanst.t-3f9a1c}, so its queue is the test's own. */
    public static ParticipantId freshParticipant(String kind) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return ParticipantId.of(kind + ".t-" + HexFormat.of().formatHex(random));
    }

    /** Opaque bytes standing in for a sealed container (the writer never reads them). */
    public static byte[] container(UUID noticeId) {
        return ("{\"sealed\":\"" + noticeId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A full plan: one delivery, one held copy, the submission receipt to the sender, two audit events and a
     * respond-by check at {@code checkAt}.
     */
    public static DispatchPlan fullPlan(UUID noticeId, ParticipantId sender, ParticipantId recipient,
                                        ParticipantId heldFor, Instant checkAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] container = container(noticeId);
        AuditEvent permit = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, now, ParticipantId.HUB.value())
                .noticeId(noticeId).counterpart(recipient.value()).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                .decision(AuditDecision.PERMIT).build();
        AuditEvent hold = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, now, ParticipantId.HUB.value())
                .noticeId(noticeId).counterpart(heldFor.value()).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                .decision(AuditDecision.HOLD).reasonCode("AWAITING_CONSENT").build();
        UUID receiptId = UUID.randomUUID();
        return new DispatchPlan(noticeId,
                List.of(new DispatchPlan.Delivery(recipient, noticeId, NoticeType.CHILD_CONCERN_REPORT, sender,
                        container)),
                List.of(new DispatchPlan.Held(heldFor, noticeId, NoticeType.CHILD_CONCERN_REPORT, sender,
                        "AWAITING_CONSENT", now.plus(7, ChronoUnit.DAYS), container)),
                List.of(new DispatchPlan.Receipt(sender, receiptId, NoticeType.SUBMISSION_RECEIPT, noticeId,
                        container(receiptId))),
                List.of(permit, hold),
                List.of(new DispatchPlan.RespondByCheck(noticeId, recipient, sender, checkAt)),
                null);
    }

    /** A refusal as the pipeline plans it: the rejected entry only. */
    public static DispatchPlan rejectedPlan(UUID noticeId, ParticipantId sender, ErrorCode code) {
        return new DispatchPlan(noticeId, List.of(), List.of(), List.of(), List.of(), List.of(),
                new DispatchPlan.Rejected(noticeId, sender, code, container(noticeId)));
    }
}
