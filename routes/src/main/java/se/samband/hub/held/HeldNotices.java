package se.samband.hub.held;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.decision.DisclosureDecisions;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchPlan.Delivery;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.dispatch.DispatchPlan.RespondByCheck;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.intake.RespondByCalculator;
import se.samband.hub.receipt.HubReceipts;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.consent.Decision;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Releases and expires held notices. A held notice is decided again with the pipeline's decision step; on PERMIT
 * the same sealed container goes to the recipient's queue with {@code HOLD_RELEASED}, {@code NOTICE_DISPATCHED} and
 * a respond-by check, in one JMS transaction; when its hold window (or the notice itself) runs out, the sender gets
 * a hub-signed {@code ESCALATION} with reason {@code HOLD_EXPIRED} and the trail {@code HOLD_EXPIRED}.
 *
 * <p>Order: the broker transaction commits first, then the row leaves HELD. A crash in between leaves the row
 * HELD; the next sweep writes the same plan again, and duplicate detection (delivery, receipt and audit ids are
 * derived from notice and recipient) lets each message through once. Calls are serialised per hub instance.
 */
public class HeldNotices {
    /** AUDIT-EVENTS.md: the reason of HOLD_EXPIRED and of the sender's ESCALATION. */
    public static final String HOLD_EXPIRED = "HOLD_EXPIRED";
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
        Federation current = federation.get();
        Optional<Participant> sender = current.participant(notice.sender());
        Optional<Participant> recipient = current.participant(notice.recipient());
        if (sender.isEmpty() || recipient.isEmpty()) {
            return false;   // no longer in the federation: stays held until the window ends, then the sender hears
        }
        Decision decision = decisions.decide(header, sender.get(), List.of(recipient.get())).get(0).decision();
        if (!(decision instanceof Decision.Permit permit)) {
            return false;
        }
        List<AuditEvent> audit = new ArrayList<>();
        audit.add(event(AuditEventType.HOLD_RELEASED, now, notice, header).decision(AuditDecision.PERMIT)
                .legalBasis(permit.basis()).consentId(permit.consentId()).reviewRequired(permit.reviewRequired())
                .reasonCode(releaseReason(notice)).build());
        audit.add(event(AuditEventType.NOTICE_DISPATCHED, now, notice, header).decision(AuditDecision.PERMIT)
                .legalBasis(permit.basis()).consentId(permit.consentId()).build());
        List<RespondByCheck> checks = RespondByCalculator.respondBy(header, current, now)
                .map(at -> new RespondByCheck(notice.noticeId(), notice.recipient(), notice.sender(), at))
                .stream().toList();
        Delivery delivery = new Delivery(notice.recipient(), notice.noticeId(), notice.type(), notice.sender(),
                notice.container());
        commit(new DispatchPlan(notice.noticeId(), List.of(delivery), List.of(), List.of(), audit, checks, null));
        boolean left = store.leave(notice.noticeId(), notice.recipient(), HeldNotice.State.RELEASED, now);
        log.info("held notice {} released to {}", notice.noticeId(), notice.recipient());
        return left;
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
        return HoldReason.RISK_FLAG_ACTIVE.name().equals(notice.reason()) ? "RISK_FLAG_ENDED" : "CONSENT_REGISTERED";
    }

    private static AuditEvent.Builder event(AuditEventType type, Instant now, HeldNotice notice, NoticeHeader header) {
        return AuditEvent.builder(type, now, HUB)
                .noticeId(notice.noticeId())
                .counterpart(notice.recipient().value())
                .noticeType(notice.type())
                .subjectPseudonyms(notice.subjects())
                .detailDigest(header == null ? null : header.bodyDigest());
    }

    private void commit(DispatchPlan plan) throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                writer.write(plan, session);
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }
}
