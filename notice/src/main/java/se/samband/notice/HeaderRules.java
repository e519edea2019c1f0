package se.samband.notice;

import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Rules that span fields and are clearer in Java than in the schema. They run after the schema, so
 * formats are already right; a field that a rule requires and that is absent is MISSING_FIELD, a field
 * that must not be there or an impossible order of times is SCHEMA_VIOLATION.
 */
final class HeaderRules {
    private HeaderRules() {
    }

    static void check(NoticeHeader header) {
        NoticeType type = header.type();
        if (header.recipients().isEmpty()) {
            // A notice nobody receives would be accepted and then silently dropped.
            throw missing("/recipients", "at least one recipient");
        }
        if (type.isReceipt()) {
            if (header.inReplyTo() == null) {
                throw missing("/inReplyTo", "required for a receipt");
            }
            if (header.legalBasis() != null) {
                throw violation("/legalBasis", "a receipt carries no legal basis");
            }
        }
        if (type.isCaseNotice()) {
            if (header.legalBasis() == null) {
                throw missing("/legalBasis", "required for a case notice");
            }
            if (header.purpose() == null) {
                throw missing("/purpose", "required for a case notice");
            }
            if (header.subjects().isEmpty()) {
                throw missing("/subjects", "a case notice needs at least one subject");
            }
        }
        LegalBasisClaim basis = header.legalBasis();
        if (basis != null) {
            if (basis.code() == LegalBasisCode.CONSENT && basis.consentId() == null) {
                throw missing("/legalBasis/consentId", "required for CONSENT");
            }
            if (basis.code() != LegalBasisCode.CONSENT && basis.consentId() != null) {
                throw violation("/legalBasis/consentId", "only a CONSENT basis names a consent");
            }
            if (basis.code() == LegalBasisCode.EMERGENCY && basis.reasonCode() == null) {
                throw missing("/legalBasis/reasonCode", "required for EMERGENCY");
            }
        }
        if (header.expires() != null && header.expires().isBefore(header.created())) {
            throw violation("/expires", "before created");
        }
        if (header.respondBy() != null && header.respondBy().isBefore(header.created())) {
            throw violation("/respondBy", "before created");
        }
        if (header.bodyDigest() == null) {
            throw missing("/bodyDigest", "required");
        }
    }

    private static SambandException missing(String pointer, String rule) {
        return new SambandException(ErrorCode.MISSING_FIELD, pointer + ": " + rule);
    }

    private static SambandException violation(String pointer, String rule) {
        return new SambandException(ErrorCode.SCHEMA_VIOLATION, pointer + ": " + rule);
    }
}
