package se.samband.hub.withdrawal;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.receipt.HubReceipts.ConsentWithdrawnPayload;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * Tells every participant that received notices on a withdrawn consent: one hub-signed {@code CONSENT_WITHDRAWN}
 * notice each (DOMAIN.md, "Consent record"), with its {@code NOTICE_DISPATCHED} audit event, in one JMS transaction
 * per recipient. The recipients are read from the audit trail (who got a PERMIT on this consent id).
 *
 * <p>Once per recipient: the notice id is derived from consent and recipient, and the recipient queue's duplicate
 * detection and the audit writer's idempotency key (notice, recipient, event) drop a second copy; the broker commits
 * first, then {@code consent_withdrawal_notice} records whom the hub told, so later runs skip them. Because the
 * audit writer lags the broker by moments, a notice permitted just before the withdrawal may reach the trail after
 * the first run: {@link #followUp} runs the fan-out again for every consent withdrawn within the follow-up window.
 */
public class WithdrawalNotices {
    private static final Logger log = LoggerFactory.getLogger(WithdrawalNotices.class);
    private static final String HUB = ParticipantId.HUB.value();
    /** AUDIT-EVENTS.md: reason of a NOTICE_DISPATCHED that failed because the recipient has no certificate. */
    static final String NO_CERTIFICATE = "no_certificate";

    private final JdbcWithdrawalRecords records;
    private final HubReceipts receipts;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;
    private final Duration followUpWindow;

    WithdrawalNotices(JdbcWithdrawalRecords records, HubReceipts receipts, DispatchWriter writer,
                      ConnectionFactory connectionFactory, Clock clock, Duration followUpWindow) {
        this.records = records;
        this.receipts = receipts;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
        this.followUpWindow = followUpWindow;
    }

    /**
     * Sends {@code CONSENT_WITHDRAWN} to every earlier recipient of notices on {@code consentId} not told yet;
     * returns how many were recorded as told (sent now, or found sent before a stop). Nothing if the consent is not
     * withdrawn.
     */
    public synchronized int fanOut(String consentId) throws JMSException {
        Optional<JdbcWithdrawalRecords.Withdrawal> withdrawal = records.withdrawal(consentId);
        if (withdrawal.isEmpty()) {
            return 0;
        }
        Set<ParticipantId> told = records.told(consentId);
        List<ParticipantId> recipients = records.earlierRecipients(consentId).stream()
                .filter(r -> !told.contains(r)).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        JdbcWithdrawalRecords.Withdrawal w = withdrawal.get();
        ConsentWithdrawnPayload payload = new ConsentWithdrawnPayload(w.consentId(), w.version(),
                w.subjectPseudonym(), w.withdrawnAt());
        Instant now = clock.instant();
        int sent = 0;
        for (ParticipantId recipient : recipients) {
            Optional<Receipt> notice = receipts.consentWithdrawn(recipient, payload);
            AuditEvent dispatched = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, now, HUB)
                    .noticeId(HubReceipts.consentWithdrawnId(consentId, recipient))
                    .counterpart(recipient.value())
                    .noticeType(NoticeType.CONSENT_WITHDRAWN)
                    .subjectPseudonyms(List.of(w.subjectPseudonym()))
                    .consentId(consentId + ":v" + w.version())
                    .outcome(notice.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                    .reasonCode(notice.isPresent() ? null : NO_CERTIFICATE)
                    .build();
            // One transaction per recipient: Artemis refuses a transaction whole for one duplicate id, so with
            // several recipients in one, a recipient told before a crash (committed, not yet recorded) would keep
            // a new recipient from ever being told. Alone, a refusal means this recipient's copy was sent before.
            commit(new DispatchPlan(null, List.of(), List.of(), notice.stream().toList(), List.of(dispatched),
                    List.of(), null));
            if (notice.isPresent()) {
                records.recordTold(consentId, recipient, notice.get().noticeId(), now);
                sent++;
            }
        }
        log.info("consent {} withdrawn: {} earlier recipients told", consentId, sent);
        return sent;
    }

    /** Runs the fan-out again for every consent withdrawn within the follow-up window; failures wait for the next. */
    public void followUp() {
        for (String consentId : records.withdrawnSince(clock.instant().minus(followUpWindow))) {
            fanOutLogged(consentId);
        }
    }

    /** The fan-out for one consent; a failure is logged and left to the follow-up. */
    void fanOutLogged(String consentId) {
        try {
            fanOut(consentId);
        } catch (JMSException | RuntimeException e) {
            log.warn("CONSENT_WITHDRAWN fan-out for consent {} failed ({}); the follow-up retries", consentId,
                    e.getClass().getSimpleName());
        }
    }

    /** Writes the recipient's plan in a transaction of its own; refused as written before, it was sent before. */
    private void commit(DispatchPlan plan) throws JMSException {
        if (!OwnTransaction.commit(plan, writer, connectionFactory)) {
            log.info("CONSENT_WITHDRAWN {} was sent before; recorded as told", plan.receipts().get(0).noticeId());
        }
    }
}
