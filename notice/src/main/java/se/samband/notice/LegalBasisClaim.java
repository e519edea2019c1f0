package se.samband.notice;

/**
 * The ground the sender claims for disclosure: a consent (with its id) or a legal-basis code.
 * {@code reasonCode} is required for {@link LegalBasisCode#EMERGENCY}; it is a code, never free text.
 */
public record LegalBasisClaim(LegalBasisCode code, String consentId, String reasonCode) {

    public static LegalBasisClaim consent(String consentId) {
        return new LegalBasisClaim(LegalBasisCode.CONSENT, consentId, null);
    }

    public static LegalBasisClaim of(LegalBasisCode code) {
        return new LegalBasisClaim(code, null, null);
    }
}
