package se.samband.hub.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import se.samband.hub.decision.ProtectedIdentityReasons;
import se.samband.hub.decision.RecipientDecision;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchPlan.Delivery;
import se.samband.hub.dispatch.DispatchPlan.Held;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.dispatch.DispatchPlan.Rejected;
import se.samband.hub.dispatch.DispatchPlan.RespondByCheck;
import se.samband.hub.intake.PipelineResult.RecipientOutcome;
import se.samband.hub.intake.PipelineResult.RecipientOutcome.Outcome;
import se.samband.hub.intake.PipelineResult.Refusal;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.routing.Route;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Subject;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.consent.Decision;
import se.samband.security.consent.Decision.Deny;
import se.samband.security.consent.Decision.Hold;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.consent.Decision.Permit;
import se.samband.security.federation.Federation;

/**
 * Step 5–7 as data: turns the decisions (or a refusal) into the {@link DispatchPlan} that the dispatch writer
 * puts on the broker in one transaction, with the audit events of security/AUDIT-EVENTS.md and the receipts.
 */
final class Plans {
    private static final String HUB = ParticipantId.HUB.value();
    /** AuditEvent's consent id rule; a header may cite an id the audit trail cannot hold (e.g. ".x"). */
    private static final Pattern AUDITABLE_CONSENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");

    private final HubReceipts receipts;
    private final Supplier<Federation> federation;
    private final Clock clock;
    private final int maxContainerBytes;

    Plans(HubReceipts receipts, Supplier<Federation> federation, Clock clock, int maxContainerBytes) {
        this.receipts = receipts;
        this.federation = federation;
        this.clock = clock;
        this.maxContainerBytes = maxContainerBytes;
    }

    /** A case notice decided per recipient: deliveries, holds, audit, respond-by checks, the submission receipt. */
    PipelineResult decided(NoticeHeader header, byte[] container, List<RecipientDecision> decisions) {
        Instant now = clock.instant();
        UUID id = header.noticeId();
        List<String> subjects = pseudonyms(header);
        List<Delivery> deliveries = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        List<AuditEvent> audit = new ArrayList<>();
        List<RespondByCheck> checks = new ArrayList<>();
        List<RecipientOutcome> outcomes = new ArrayList<>(decisions.size());
        List<HubReceipts.Line> lines = new ArrayList<>(decisions.size());
        Optional<Instant> respondBy = Optional.empty();
        boolean manualRouting = false;
        for (RecipientDecision decided : decisions) {
            ParticipantId recipient = decided.recipient().id();
            Decision decision = decided.decision();
            AuditEvent.Builder event = event(AuditEventType.DISCLOSURE_DECIDED, now, header, subjects)
                    .counterpart(recipient.value());
            if (decision instanceof Permit permit) {
                deliveries.add(new Delivery(recipient, id, header.type(), header.sender(), container));
                audit.add(event.decision(AuditDecision.PERMIT).legalBasis(permit.basis())
                        .consentId(permit.consentId()).reviewRequired(permit.reviewRequired()).build());
                audit.add(event(AuditEventType.NOTICE_DISPATCHED, now, header, subjects)
                        .counterpart(recipient.value()).decision(AuditDecision.PERMIT).legalBasis(permit.basis())
                        .consentId(permit.consentId()).build());
                if (respondBy.isEmpty()) {
                    respondBy = RespondByCalculator.respondBy(header, federation.get(), now);
                }
                respondBy.ifPresent(at -> checks.add(new RespondByCheck(id, recipient, header.sender(), at)));
                outcomes.add(new RecipientOutcome(recipient, Outcome.DELIVERED, null));
                lines.add(new HubReceipts.Line(recipient, Outcome.DELIVERED.name(), null, null, null));
            } else if (decision instanceof Hold hold) {
                String reason = hold.reason().name();
                manualRouting |= hold.reason() == HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY;
                held.add(new Held(recipient, id, header.type(), header.sender(), reason, hold.until(), container));
                audit.add(claimed(event, header).decision(AuditDecision.HOLD).reasonCode(reason).build());
                outcomes.add(new RecipientOutcome(recipient, Outcome.HELD, reason));
                lines.add(new HubReceipts.Line(recipient, Outcome.HELD.name(), reason, hold.until(),
                        hold.flagReasonCode()));
            } else {
                Deny deny = (Deny) decision;
                String code = deny.code().code();
                audit.add(claimed(event, header).decision(AuditDecision.DENY).reasonCode(code).build());
                outcomes.add(new RecipientOutcome(recipient, Outcome.DENIED, code));
                lines.add(new HubReceipts.Line(recipient, Outcome.DENIED.name(), code, null, null));
            }
        }
        if (manualRouting) {
            audit.add(event(AuditEventType.MANUAL_ROUTING_QUEUED, now, header, subjects)
                    .reasonCode(ProtectedIdentityReasons.of(header)).build());
        }
        List<Receipt> toSender = receipts.submissionReceipt(id, header.sender(), lines).stream().toList();
        DispatchPlan plan = new DispatchPlan(id, deliveries, held, toSender, audit, checks, null);
        return new PipelineResult(plan, outcomes, null);
    }

    /** A receipt from a recipient, forwarded unchanged (never re-sealed) to the original sender. */
    PipelineResult forwarded(NoticeHeader receipt, byte[] container, Route.ReceiptBack route) {
        ParticipantId to = route.originalSender().id();
        String answerer = receipt.sender().value();
        AuditEvent recorded = AuditEvent.builder(AuditEventType.RECEIPT_RECORDED, clock.instant(), answerer)
                .noticeId(receipt.inReplyTo())
                .counterpart(answerer)
                .noticeType(receipt.type())
                .reasonCode(receipt.type() == NoticeType.DECLINED ? receipt.reasonCode() : null)
                .detailDigest(receipt.bodyDigest())
                .build();
        Receipt forward = new Receipt(to, receipt.noticeId(), receipt.type(), receipt.inReplyTo(), container);
        DispatchPlan plan = new DispatchPlan(receipt.noticeId(), List.of(), List.of(), List.of(forward),
                List.of(recorded), List.of(), null);
        return new PipelineResult(plan, List.of(new RecipientOutcome(to, Outcome.DELIVERED, null)), null);
    }

    /**
     * A refused submission: the rejected entry, NOTICE_REJECTED and, when the transport authenticated a
     * participant with a registered certificate, a REJECTED receipt to it. The catalogue's outcome FAILED means
     * that no rejection receipt could be sent.
     *
     * @param header       the header as read (perhaps unverified), or null if it could not be read
     * @param counterpart  the one recipient the refusal is about, or null
     */
    PipelineResult refused(byte[] container, ParticipantId authenticated, NoticeHeader header, ErrorCode code,
                           ParticipantId counterpart) {
        UUID noticeId = header == null ? null : header.noticeId();
        UUID answered = noticeId != null ? noticeId : ContainerId.of(container);
        Optional<Receipt> rejection = authenticated == null || federation.get().participant(authenticated).isEmpty()
                ? Optional.empty()
                : receipts.rejection(authenticated, answered, code);
        AuditEvent.Builder event = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, clock.instant(),
                        authenticated == null ? HUB : authenticated.value())
                .outcome(rejection.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                .reasonCode(code.code())
                .counterpart(counterpart == null ? null : counterpart.value());
        if (header != null) {
            event.noticeId(noticeId).noticeType(header.type()).subjectPseudonyms(pseudonyms(header))
                    .detailDigest(header.bodyDigest());
        }
        byte[] kept = container.length <= maxContainerBytes ? container : new byte[0];
        Rejected rejected = new Rejected(noticeId, authenticated, code, kept);
        DispatchPlan plan = new DispatchPlan(answered, List.of(), List.of(), rejection.stream().toList(),
                List.of(event.build()), List.of(), rejected);
        return new PipelineResult(plan, List.of(), new Refusal(code, noticeId));
    }

    private static AuditEvent.Builder event(AuditEventType type, Instant now, NoticeHeader header,
                                            List<String> subjects) {
        return AuditEvent.builder(type, now, HUB)
                .noticeId(header.noticeId())
                .noticeType(header.type())
                .subjectPseudonyms(subjects)
                .detailDigest(header.bodyDigest());
    }

    /** For HOLD and DENY: the basis (and consent) the sender claimed, which the decision did not grant. */
    private static AuditEvent.Builder claimed(AuditEvent.Builder event, NoticeHeader header) {
        LegalBasisClaim claim = header.legalBasis();
        if (claim == null) {
            return event;
        }
        event.legalBasis(claim.code());
        if (claim.code() == LegalBasisCode.CONSENT && claim.consentId() != null
                && AUDITABLE_CONSENT_ID.matcher(claim.consentId()).matches()) {
            event.consentId(claim.consentId());
        }
        return event;
    }

    private static List<String> pseudonyms(NoticeHeader header) {
        List<String> out = new ArrayList<>(header.subjects().size());
        for (Subject subject : header.subjects()) {
            out.add(subject.pseudonym());
        }
        return out;
    }
}
