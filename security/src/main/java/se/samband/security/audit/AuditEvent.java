package se.samband.security.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;

/**
 * One fact for the audit trail: metadata, pseudonyms, codes, ids and digests only, never plaintext
 * personal data. The constructor refuses a value that could be personal data (see
 * security/AUDIT-EVENTS.md, "What an event may hold") with {@code AUDIT_RECORD_INVALID}; because
 * every appended event passed it, a stored row that fails it has been edited.
 *
 * @param type              what happened
 * @param outcome           SUCCESS, or FAILED for the same event when the action did not take effect
 * @param occurredAt        when; truncated to milliseconds, the precision the chain hashes and stores
 * @param noticeId          the notice concerned, if any
 * @param actor             who acted: a participant id ({@code polisen.gavleborg}, {@code samband.hub}) or a
 *                          person as {@code role:account} ({@code security-officer:u1042}); never a name
 * @param counterpart       the other participant, usually the recipient; null if none
 * @param noticeType        the notice's type; for RECEIPT_RECORDED the receipt's kind (RECEIVED, ACCEPTED, DECLINED)
 * @param subjectPseudonyms the subjects as {@code ps1:} pseudonyms, in the notice's order; never null
 * @param decision          PERMIT, HOLD or DENY, for disclosure decisions
 * @param legalBasis        the basis the decision rests on
 * @param consentId         the consent the decision or consent event concerns
 * @param reasonCode        a machine-readable reason, e.g. an error code or {@code HOLD_EXPIRED}
 * @param reviewRequired    whether a security officer must review this disclosure afterwards
 * @param detailDigest      base64url (no padding) of a SHA-256 digest, e.g. the notice's bodyDigest
 */
public record AuditEvent(
        AuditEventType type,
        AuditOutcome outcome,
        Instant occurredAt,
        UUID noticeId,
        String actor,
        String counterpart,
        NoticeType noticeType,
        List<String> subjectPseudonyms,
        AuditDecision decision,
        LegalBasisCode legalBasis,
        String consentId,
        String reasonCode,
        boolean reviewRequired,
        String detailDigest) {

    public AuditEvent {
        AuditFieldRules.required(type, "type");
        AuditFieldRules.required(outcome, "outcome");
        occurredAt = AuditFieldRules.instant(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        actor = AuditFieldRules.actor(actor);
        counterpart = AuditFieldRules.participant(counterpart, "counterpart");
        subjectPseudonyms = AuditFieldRules.pseudonyms(subjectPseudonyms);
        consentId = AuditFieldRules.consentId(consentId);
        reasonCode = AuditFieldRules.reasonCode(reasonCode);
        detailDigest = AuditFieldRules.digest(detailDigest);
    }

    /**
     * The key on which the audit writer appends idempotently, for a unique column: a redelivered
     * event has the same key and is skipped. For a pipeline step that happens once per notice and
     * recipient ({@link AuditEventType#onePerNoticeAndRecipient()}) with a notice id it is
     * {@code <noticeId>|<counterpart or ->|<type>|<outcome>}, with {@code |<noticeType>} added for
     * RECEIPT_RECORDED (one recipient sends RECEIVED, then ACCEPTED). The outcome is part of it so
     * that a success after a recorded failure is not taken for a duplicate. Every other event (views,
     * rejections, people's actions, which may recur for the same notice) is keyed by its content:
     * {@code sha256:} + base64url of the SHA-256 of its canonical encoding (AUDIT-EVENTS.md), so only
     * an identical event, time included, is a duplicate.
     */
    public String idempotencyKey() {
        if (noticeId == null || !type.onePerNoticeAndRecipient()) {
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(AuditChain.eventDigest(this));
        }
        String key = noticeId + "|" + (counterpart == null ? "-" : counterpart) + "|" + type + "|" + outcome;
        return type == AuditEventType.RECEIPT_RECORDED ? key + "|" + noticeType : key;
    }

    /** Ids and codes only: pseudonyms are personal data in law and stay out of log lines. */
    @Override
    public String toString() {
        return "AuditEvent[type=" + type + ", outcome=" + outcome + ", occurredAt=" + occurredAt
                + ", noticeId=" + noticeId + ", actor=" + actor + ", counterpart=" + counterpart
                + ", subjects=" + subjectPseudonyms.size() + ", decision=" + decision + "]";
    }

    public static Builder builder(AuditEventType type, Instant occurredAt, String actor) {
        return new Builder(type, occurredAt, actor);
    }

    /** Builds events field by field; outcome defaults to SUCCESS, every optional field to null. */
    public static final class Builder {
        private final AuditEventType type;
        private final Instant occurredAt;
        private final String actor;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private UUID noticeId;
        private String counterpart;
        private NoticeType noticeType;
        private List<String> subjectPseudonyms = List.of();
        private AuditDecision decision;
        private LegalBasisCode legalBasis;
        private String consentId;
        private String reasonCode;
        private boolean reviewRequired;
        private String detailDigest;

        private Builder(AuditEventType type, Instant occurredAt, String actor) {
            this.type = type;
            this.occurredAt = occurredAt;
            this.actor = actor;
        }

        public Builder outcome(AuditOutcome value) { this.outcome = value; return this; }
        public Builder noticeId(UUID value) { this.noticeId = value; return this; }
        public Builder counterpart(String value) { this.counterpart = value; return this; }
        public Builder noticeType(NoticeType value) { this.noticeType = value; return this; }
        public Builder subjectPseudonyms(List<String> value) { this.subjectPseudonyms = value; return this; }
        public Builder decision(AuditDecision value) { this.decision = value; return this; }
        public Builder legalBasis(LegalBasisCode value) { this.legalBasis = value; return this; }
        public Builder consentId(String value) { this.consentId = value; return this; }
        public Builder reasonCode(String value) { this.reasonCode = value; return this; }
        public Builder reviewRequired(boolean value) { this.reviewRequired = value; return this; }
        public Builder detailDigest(String value) { this.detailDigest = value; return this; }

        public AuditEvent build() {
            return new AuditEvent(type, outcome, occurredAt, noticeId, actor, counterpart, noticeType,
                    subjectPseudonyms, decision, legalBasis, consentId, reasonCode, reviewRequired, detailDigest);
        }
    }
}
