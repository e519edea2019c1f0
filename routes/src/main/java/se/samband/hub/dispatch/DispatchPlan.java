package se.samband.hub.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditEvent;

/**
 * Everything one submission leads to, written to the broker in ONE JMS transaction by
 * {@code DispatchWriter}: recipient copies, held notices, receipts, audit events (which carry the respond-by
 * checks) and, for a refusal, the rejected entry. Sealed bytes only: the hub never opens a body.
 * {@code caseRefDigest} is the digest of the header's case reference ({@code CaseRefDigest}), or null: the audit
 * writer keeps it for the case timeline.
 */
public record DispatchPlan(
        UUID noticeId,
        List<Delivery> deliveries,
        List<Held> held,
        List<Receipt> receipts,
        List<AuditEvent> auditEvents,
        List<RespondByCheck> checks,
        Rejected rejected,
        String caseRefDigest) {

    /** A plan without a case reference (receipts, escalations, releases, headers without {@code caseRef}). */
    public DispatchPlan(UUID noticeId, List<Delivery> deliveries, List<Held> held, List<Receipt> receipts,
                        List<AuditEvent> auditEvents, List<RespondByCheck> checks, Rejected rejected) {
        this(noticeId, deliveries, held, receipts, auditEvents, checks, rejected, null);
    }

    public DispatchPlan {
        deliveries = List.copyOf(deliveries);
        held = List.copyOf(held);
        receipts = List.copyOf(receipts);
        auditEvents = List.copyOf(auditEvents);
        checks = List.copyOf(checks);
    }

    /** A permitted copy for one recipient's queue; duplicate detection keys on notice id + recipient. */
    public record Delivery(ParticipantId recipient, UUID noticeId, NoticeType type, ParticipantId sender,
                           byte[] container) {
    }

    /** A notice held for one recipient (awaiting consent, risk flag, manual routing), still sealed. */
    public record Held(ParticipantId recipient, UUID noticeId, NoticeType type, ParticipantId sender,
                       String reasonCode, Instant holdUntil, byte[] container) {
    }

    /** A notice signed by the hub (submission receipt, rejection, escalation) or a forwarded receipt. */
    public record Receipt(ParticipantId to, UUID noticeId, NoticeType type, UUID inReplyTo, byte[] container) {
    }

    /**
     * Check at {@code at} whether {@code recipient} has accepted. Written as the respond-by time of the recipient's
     * audit message: the audit writer keeps it in the handover table, where the respond-by watch finds it.
     */
    public record RespondByCheck(UUID noticeId, ParticipantId recipient, ParticipantId sender, Instant at) {
    }

    /** A refused submission, for operators; the container is kept when it was within the size limit. */
    public record Rejected(UUID noticeId, ParticipantId sender, ErrorCode code, byte[] container) {
    }
}
