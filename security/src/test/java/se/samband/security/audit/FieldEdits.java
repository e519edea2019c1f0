package se.samband.security.audit;

import static se.samband.security.audit.AuditFixtures.digest;
import static se.samband.security.audit.AuditFixtures.pseudonym;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;

/** One edit per event field, of every field type, as an attacker with write access might make. */
final class FieldEdits {
    private FieldEdits() {
    }

    static Map<String, UnaryOperator<AuditEvent>> all() {
        Map<String, UnaryOperator<AuditEvent>> edits = new LinkedHashMap<>();
        edits.put("type (enum)", e -> copy(e).type(AuditEventType.NOTICE_DISPATCHED).build());
        edits.put("outcome (enum)", e -> copy(e).outcome(AuditOutcome.FAILED).build());
        edits.put("occurredAt (instant)", e -> copy(e).occurredAt(e.occurredAt().plusMillis(1)).build());
        edits.put("noticeId (uuid)", e -> copy(e).noticeId(new UUID(e.noticeId().getMostSignificantBits(),
                e.noticeId().getLeastSignificantBits() ^ 1)).build());
        edits.put("noticeId removed (null)", e -> copy(e).noticeId(null).build());
        edits.put("actor (string)", e -> copy(e).actor("polisen.jonkoping").build());
        edits.put("counterpart (string)", e -> copy(e).counterpart("socialtjanst.varberg").build());
        edits.put("counterpart removed (null)", e -> copy(e).counterpart(null).build());
        edits.put("noticeType (enum)", e -> copy(e).noticeType(NoticeType.CHILD_CONCERN_REPORT).build());
        edits.put("subject replaced (list item)", e -> {
            List<String> subjects = new ArrayList<>(e.subjectPseudonyms());
            subjects.set(0, pseudonym("someone else"));
            return copy(e).subjectPseudonyms(subjects).build();
        });
        edits.put("subject removed (list length)", e -> copy(e).subjectPseudonyms(
                e.subjectPseudonyms().subList(1, e.subjectPseudonyms().size())).build());
        edits.put("decision (enum)", e -> copy(e).decision(AuditDecision.DENY).build());
        edits.put("legalBasis (enum)", e -> copy(e).legalBasis(LegalBasisCode.EMERGENCY).build());
        edits.put("consentId (string)", e -> copy(e).consentId("consent-999.v1").build());
        edits.put("reasonCode (string)", e -> copy(e).reasonCode("RISK_FLAG").build());
        edits.put("reviewRequired (boolean)", e -> copy(e).reviewRequired(!e.reviewRequired()).build());
        edits.put("detailDigest (digest)", e -> copy(e).detailDigest(digest("other body")).build());
        return edits;
    }

    /** A mutable copy of an event, field by field, as the hub's reader would rebuild one from a row. */
    static Copy copy(AuditEvent e) {
        return new Copy(e);
    }

    static final class Copy {
        private AuditEventType type;
        private AuditOutcome outcome;
        private java.time.Instant occurredAt;
        private UUID noticeId;
        private String actor;
        private String counterpart;
        private NoticeType noticeType;
        private List<String> subjects;
        private AuditDecision decision;
        private LegalBasisCode legalBasis;
        private String consentId;
        private String reasonCode;
        private boolean reviewRequired;
        private String detailDigest;

        Copy(AuditEvent e) {
            type = e.type();
            outcome = e.outcome();
            occurredAt = e.occurredAt();
            noticeId = e.noticeId();
            actor = e.actor();
            counterpart = e.counterpart();
            noticeType = e.noticeType();
            subjects = e.subjectPseudonyms();
            decision = e.decision();
            legalBasis = e.legalBasis();
            consentId = e.consentId();
            reasonCode = e.reasonCode();
            reviewRequired = e.reviewRequired();
            detailDigest = e.detailDigest();
        }

        Copy type(AuditEventType v) { type = v; return this; }
        Copy outcome(AuditOutcome v) { outcome = v; return this; }
        Copy occurredAt(java.time.Instant v) { occurredAt = v; return this; }
        Copy noticeId(UUID v) { noticeId = v; return this; }
        Copy actor(String v) { actor = v; return this; }
        Copy counterpart(String v) { counterpart = v; return this; }
        Copy noticeType(NoticeType v) { noticeType = v; return this; }
        Copy subjectPseudonyms(List<String> v) { subjects = v; return this; }
        Copy decision(AuditDecision v) { decision = v; return this; }
        Copy legalBasis(LegalBasisCode v) { legalBasis = v; return this; }
        Copy consentId(String v) { consentId = v; return this; }
        Copy reasonCode(String v) { reasonCode = v; return this; }
        Copy reviewRequired(boolean v) { reviewRequired = v; return this; }
        Copy detailDigest(String v) { detailDigest = v; return this; }

        AuditEvent build() {
            return new AuditEvent(type, outcome, occurredAt, noticeId, actor, counterpart, noticeType, subjects,
                    decision, legalBasis, consentId, reasonCode, reviewRequired, detailDigest);
        }
    }
}
