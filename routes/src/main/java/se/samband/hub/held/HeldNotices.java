package se.samband.hub.held;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.decision.DisclosureDecisions;
import se.samband.hub.decision.ProtectedIdentityReasons;
import se.samband.hub.dispatch.DispatchPlan.Delivery;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.dispatch.DispatchPlan.RespondByCheck;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.hub.intake.RespondByCalculator;
import se.samband.hub.receipt.HubReceipts;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.consent.Decision;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Releases and expires held notices. A held notice is decided again with the pipeline's decision step; on PERMIT
 * the same sealed container goes to the recipient's queue with {@code HOLD_RELEASED}, {@code NOTICE_DISPATCHED} and
 * a respond-by check, in one JMS transaction; when its hold window (or the notice itself) runs out, the sender gets
 * a hub-signed {@code ESCALATION} with reason {@code HOLD_EXPIRED} and the trail {@code HOLD_EXPIRED}.
 *
 * <p>Notices about a protected identity wait on the manual routing queue until an operator routes them
 * ({@link #route}: decided again with the routing confirmed, released as above) or returns them to the sender
 * ({@link #returnToSender}: an {@code ESCALATION} with reason {@code MANUAL_ROUTING_RETURNED}).
 *
 * <p>Order: the broker transaction commits first, then the row leaves HELD. A crash in between leaves the row
 * HELD; the next sweep writes the same plan again, the broker refuses it for its copy's or escalation's duplicate
 * id (derived from notice and recipient), and the row leaves HELD then ({@link #commit}): each message goes out
 * once. Calls are serialised per hub instance.
 */
public class HeldNotices {
    /** AUDIT-EVENTS.md: the reason of HOLD_EXPIRED and of the sender's ESCALATION. */
    public static final String HOLD_EXPIRED = "HOLD_EXPIRED";
    /** AUDIT-EVENTS.md: HOLD_RELEASED's reason when an operator confirmed the routing of a protected identity. */
    static final String MANUAL_ROUTING_CONFIRMED = "MANUAL_ROUTING_CONFIRMED";
    /** AUDIT-EVENTS.md: MANUAL_ROUTING_RESOLVED's reason when the operator routed the notice. */
    static final String ROUTED = "ROUTED";
    /** The reason of MANUAL_ROUTING_RESOLVED (FAILED) and of the sender's ESCALATION when an operator returns it. */
    public static final String MANUAL_ROUTING_RETURNED = "MANUAL_ROUTING_RETURNED";
    /** MANUAL_ROUTING_RESOLVED's reason when the held copy cannot be decided (unreadable, left the federation). */
    static final String NOT_DECIDABLE = "NOT_DECIDABLE";
    private static final Logger log = LoggerFactory.getLogger(HeldNotices.class);
    private static final String HUB = ParticipantId.HUB.value();

    private final JdbcHeldStore store;
    private final DisclosureDecisions decisions;
    private final Supplier<Federation> federation;
    private final HubReceipts receipts;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final NoticeJson json;
    private final Clock clock;
    private final int batchSize;

    HeldNotices(JdbcHeldStore store, DisclosureDecisions decisions, Supplier<Federation> federation,
                HubReceipts receipts, DispatchWriter writer, ConnectionFactory connectionFactory, NoticeJson json,
                Clock clock, int batchSize) {
        this.store = store;
        this.decisions = decisions;
        this.federation = federation;
        this.receipts = receipts;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.json = json;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Decides again the held notices of these subjects or citing this consent; returns how many were released. */
    public synchronized int release(Collection<String> subjects, String consentId) {
        return decideAgain(store.heldFor(subjects, consentId, batchSize));
    }

    /** The periodic step: decides every held notice again (oldest first), then expires those whose window ended. */
    public synchronized void sweep() {
        try {
            decideAgain(store.stillHeld(batchSize));
            expireDue();
        } catch (RuntimeException e) {
            // The next sweep tries again; a scheduled task that throws would never run again.
            log.warn("held-notice sweep failed ({}); trying again at the next sweep", e.getClass().getSimpleName());
        }
    }

    /** Expires the held notices whose window ended by now; returns how many. */
    synchronized int expireDue() {
        int expired = 0;
        for (HeldNotice notice : store.dueBy(clock.instant(), batchSize)) {
            expired += expire(notice) ? 1 : 0;
        }
        return expired;
    }

    private int decideAgain(List<HeldNotice> notices) {
        int released = 0;
        for (HeldNotice notice : notices) {
            try {
                released += decideAgain(notice) ? 1 : 0;
            } catch (JMSException | RuntimeException e) {
                log.warn("held notice {} for {} not decided again ({}); the sweep retries", notice.noticeId(),
                        notice.recipient(), e.getClass().getSimpleName());
            }
        }
        return released;
    }

    private boolean decideAgain(HeldNotice notice) throws JMSException {
        Instant now = clock.instant();
        NoticeHeader header = header(notice);
        if (header == null) {
            return false;   // kept by the listener without a readable header: only its window ends it
        }
        if (header.expires() != null && !now.isBefore(header.expires())) {
            expire(notice);
            return false;
        }
        Decision decision = decide(notice, header);
        if (decision instanceof Decision.Hold hold && !hold.reason().name().equals(notice.reason())) {
            heldForAnotherReason(notice, header, hold.reason(), now);
            return false;
        }
        if (!(decision instanceof Decision.Permit permit)) {
            return false;
        }
        return release(notice, header, permit, releaseReason(notice), List.of(), now);
    }

    /** The decision for a held notice now, or null if its sender or recipient left the federation. */
    private Decision decide(HeldNotice notice, NoticeHeader header) {
        Federation current = federation.get();
        Optional<Participant> sender = current.participant(notice.sender());
        Optional<Participant> recipient = current.participant(notice.recipient());
        if (sender.isEmpty() || recipient.isEmpty()) {
            return null;    // no longer in the federation: stays held until the window ends, then the sender hears
        }
        return decisions.decide(header, sender.get(), List.of(recipient.get()), notice.routingConfirmed()).get(0)
                .decision();
    }

    /**
     * A held notice is now held for another reason (a risk flag set after a consent arrived, a flag that ended on a
     * notice about a protected identity): the row says so, so that its release is reported right; a notice that
     * now waits for an operator goes on the manual routing queue ({@code MANUAL_ROUTING_QUEUED}).
     */
    private void heldForAnotherReason(HeldNotice notice, NoticeHeader header, HoldReason reason, Instant now)
            throws JMSException {
        if (reason == HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY) {
            commit(new DispatchPlan(notice.noticeId(), List.of(), List.of(), List.of(), List.of(
                    AuditEvent.builder(AuditEventType.MANUAL_ROUTING_QUEUED, now, HUB).noticeId(notice.noticeId())
                            .noticeType(notice.type()).subjectPseudonyms(notice.subjects())
                            .detailDigest(header.bodyDigest()).reasonCode(ProtectedIdentityReasons.of(header)).build()),
                    List.of(), null));
            store.queueForOperator(notice.noticeId(), notice.sender(), notice.type(), now);
        }
        store.reason(notice.noticeId(), notice.recipient(), reason.name());
    }

    /**
     * Delivers a held notice: the same sealed container to the recipient's queue with {@code HOLD_RELEASED},
     * {@code NOTICE_DISPATCHED}, the respond-by check and {@code alsoAudit}, in one JMS transaction; then the row
     * leaves HELD.
     */
    private boolean release(HeldNotice notice, NoticeHeader header, Decision.Permit permit, String reason,
                            List<AuditEvent> alsoAudit, Instant now) throws JMSException {
        List<AuditEvent> audit = new ArrayList<>();
        audit.add(event(AuditEventType.HOLD_RELEASED, now, notice, header).decision(AuditDecision.PERMIT)
                .legalBasis(permit.basis()).consentId(permit.consentId()).reviewRequired(permit.reviewRequired())
                .reasonCode(reason).build());
        audit.add(event(AuditEventType.NOTICE_DISPATCHED, now, notice, header).decision(AuditDecision.PERMIT)
                .legalBasis(permit.basis()).consentId(permit.consentId()).build());
        audit.addAll(alsoAudit);
        List<RespondByCheck> checks = RespondByCalculator.respondBy(header, federation.get(), now)
                .map(at -> new RespondByCheck(notice.noticeId(), notice.recipient(), notice.sender(), at))
                .stream().toList();
        Delivery delivery = new Delivery(notice.recipient(), notice.noticeId(), notice.type(), notice.sender(),
                notice.container());
        commit(new DispatchPlan(notice.noticeId(), List.of(delivery), List.of(), List.of(), audit, checks, null));
        boolean left = store.leave(notice.noticeId(), notice.recipient(), HeldNotice.State.RELEASED, now);
        log.info("held notice {} released to {} ({})", notice.noticeId(), notice.recipient(), reason);
        return left;
    }

    /**
     * The notices on the manual routing queue, oldest first: metadata only. Every view of them is audited, one
     * {@code PROTECTED_IDENTITY_VIEWED} per notice in {@code actor}'s name (DOMAIN.md: log every view), before the
     * list is handed out.
     */
    public List<QueuedRouting> manualRoutingQueue(String actor) throws JMSException {
        List<QueuedRouting> queue = store.manualQueue(batchSize);
        if (!queue.isEmpty()) {
            Instant now = clock.instant();
            commit(new DispatchPlan(null, List.of(), List.of(), List.of(), queue.stream()
                    .map(q -> AuditEvent.builder(AuditEventType.PROTECTED_IDENTITY_VIEWED, now, actor)
                            .noticeId(q.noticeId()).noticeType(q.type()).build())
                    .toList(), List.of(), null));
        }
        return queue;
    }

    /**
     * An operator routes a notice from the manual routing queue: each held copy is decided again with the routing
     * confirmed and, if permitted, released as a release does, with {@code MANUAL_ROUTING_RESOLVED} (actor the
     * operator) in the same transaction. A copy the decision now refuses or holds (a withdrawn consent, a risk
     * flag) stays held with {@code MANUAL_ROUTING_RESOLVED} FAILED and the reason; a later decision keeps the
     * confirmation.
     *
     * @param actor   the operator as the audit trail names people ({@code operator:<account>})
     * @param comment the operator's comment, kept with the queue entry (the trail gets its digest); may be null
     * @throws SambandException {@code manual_routing_not_found} if the notice is not (or no longer) queued
     */
    public synchronized List<RoutingOutcome> route(UUID noticeId, String actor, String comment) throws JMSException {
        Instant now = clock.instant();
        if (!store.resolveManual(noticeId, "ROUTED", now, actor, comment)) {
            throw new SambandException(ErrorCode.MANUAL_ROUTING_NOT_FOUND, "notice " + noticeId + " is not queued");
        }
        List<RoutingOutcome> outcomes = new ArrayList<>();
        for (HeldNotice held : store.heldForRouting(noticeId)) {
            HeldNotice notice = confirmed(held);
            NoticeHeader header = header(notice);
            Decision decision = header == null ? null : decide(notice, header);
            AuditEvent.Builder resolved = resolvedEvent(notice, actor, comment, now);
            if (decision instanceof Decision.Permit permit) {
                release(notice, header, permit, MANUAL_ROUTING_CONFIRMED, List.of(resolved
                        .reasonCode(ROUTED).build()), now);
                outcomes.add(new RoutingOutcome(notice.recipient(), "DELIVERED", null));
                continue;
            }
            String reason = decision instanceof Decision.Deny deny ? deny.code().code()
                    : decision instanceof Decision.Hold hold ? hold.reason().name() : NOT_DECIDABLE;
            commit(new DispatchPlan(noticeId, List.of(), List.of(), List.of(), List.of(resolved
                    .outcome(AuditOutcome.FAILED).reasonCode(reason).build()), List.of(), null));
            if (decision instanceof Decision.Hold hold) {
                store.reason(noticeId, notice.recipient(), hold.reason().name());
            }
            outcomes.add(new RoutingOutcome(notice.recipient(),
                    decision instanceof Decision.Hold ? "HELD" : "DENIED", reason));
        }
        log.info("notice {} routed by an operator: {}", noticeId, outcomes);
        return outcomes;
    }

    /**
     * An operator returns a notice from the manual routing queue to its sender: for each held copy the sender gets a
     * hub-signed {@code ESCALATION} (reason {@code MANUAL_ROUTING_RETURNED}) and the trail
     * {@code MANUAL_ROUTING_RESOLVED} FAILED with that reason (actor the operator); the copies leave HELD as
     * RETURNED and are never delivered.
     *
     * @throws SambandException {@code manual_routing_not_found} if the notice is not (or no longer) queued
     */
    public synchronized List<RoutingOutcome> returnToSender(UUID noticeId, String actor, String comment)
            throws JMSException {
        Instant now = clock.instant();
        if (!store.resolveManual(noticeId, "RETURNED", now, actor, comment)) {
            throw new SambandException(ErrorCode.MANUAL_ROUTING_NOT_FOUND, "notice " + noticeId + " is not queued");
        }
        List<RoutingOutcome> outcomes = new ArrayList<>();
        for (HeldNotice notice : store.heldForRouting(noticeId)) {
            Optional<Receipt> escalation = receipts.escalation(notice.sender(), noticeId, MANUAL_ROUTING_RETURNED,
                    notice.recipient());
            AuditEvent returned = resolvedEvent(notice, actor, comment, now).outcome(AuditOutcome.FAILED)
                    .reasonCode(MANUAL_ROUTING_RETURNED).build();
            commit(new DispatchPlan(noticeId, List.of(), List.of(), escalation.stream().toList(), List.of(returned),
                    List.of(), null));
            store.leave(noticeId, notice.recipient(), HeldNotice.State.RETURNED, now);
            outcomes.add(new RoutingOutcome(notice.recipient(), "RETURNED", MANUAL_ROUTING_RETURNED));
        }
        log.info("notice {} returned to its sender by an operator", noticeId);
        return outcomes;
    }

    /** What became of one held copy when an operator resolved its notice. */
    public record RoutingOutcome(ParticipantId recipient, String outcome, String reasonCode) {
    }

    private static HeldNotice confirmed(HeldNotice n) {
        return new HeldNotice(n.noticeId(), n.recipient(), n.sender(), n.type(), n.reason(), n.consentId(),
                n.heldAt(), n.holdUntil(), n.subjects(), n.container(), true);
    }

    private static AuditEvent.Builder resolvedEvent(HeldNotice notice, String actor, String comment, Instant now) {
        return AuditEvent.builder(AuditEventType.MANUAL_ROUTING_RESOLVED, now, actor)
                .noticeId(notice.noticeId())
                .counterpart(notice.recipient().value())
                .noticeType(notice.type())
                .detailDigest(comment == null || comment.isEmpty() ? null : sha256(comment));
    }

    private static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private boolean expire(HeldNotice notice) {
        Instant now = clock.instant();
        NoticeHeader header = header(notice);
        Optional<Receipt> escalation = receipts.escalation(notice.sender(), notice.noticeId(), HOLD_EXPIRED,
                notice.recipient());
        AuditEvent expired = event(AuditEventType.HOLD_EXPIRED, now, notice, header)
                .reasonCode(HOLD_EXPIRED)
                .outcome(escalation.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                .build();
        try {
            commit(new DispatchPlan(notice.noticeId(), List.of(), List.of(), escalation.stream().toList(),
                    List.of(expired), List.of(), null));
        } catch (JMSException | RuntimeException e) {
            log.warn("held notice {} for {} not expired ({}); the sweep retries", notice.noticeId(),
                    notice.recipient(), e.getClass().getSimpleName());
            return false;
        }
        log.info("held notice {} for {} expired; sender {} told {}", notice.noticeId(), notice.recipient(),
                notice.sender(), HOLD_EXPIRED);
        return store.leave(notice.noticeId(), notice.recipient(), HeldNotice.State.EXPIRED, now);
    }

    /** The verified header of the held container, or null if it cannot be read (see HeldQueueListener). */
    private NoticeHeader header(HeldNotice notice) {
        try {
            return json.readHeader(json.readContainer(notice.container()).header());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String releaseReason(HeldNotice notice) {
        if (HoldReason.RISK_FLAG_ACTIVE.name().equals(notice.reason())) {
            return "RISK_FLAG_ENDED";
        }
        return notice.routingConfirmed() ? MANUAL_ROUTING_CONFIRMED : "CONSENT_REGISTERED";
    }

    private static AuditEvent.Builder event(AuditEventType type, Instant now, HeldNotice notice, NoticeHeader header) {
        return AuditEvent.builder(type, now, HUB)
                .noticeId(notice.noticeId())
                .counterpart(notice.recipient().value())
                .noticeType(notice.type())
                .subjectPseudonyms(notice.subjects())
                .detailDigest(header == null ? null : header.bodyDigest());
    }

    /** Writes the plan in a transaction of its own; a plan refused as written before counts as written. */
    private void commit(DispatchPlan plan) throws JMSException {
        if (!OwnTransaction.commit(plan, writer, connectionFactory)) {
            log.info("notice {}: written before (the broker refused the same ids again)", plan.noticeId());
        }
    }
}
