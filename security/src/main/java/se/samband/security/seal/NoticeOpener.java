package se.samband.security.seal;

import se.samband.notice.SealedNotice;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * Opens a notice addressed to {@code ownKey}: verifies the header signature and the body digest,
 * decrypts the body, verifies the inner signature and checks that the same certificate signed both.
 * Chain and revocation checks are the caller's, with {@code CertificateValidator}.
 * Throws {@code SambandException} with SIGNATURE_INVALID, BODY_DIGEST_MISMATCH, NOT_A_RECIPIENT,
 * DECRYPTION_FAILED, PAYLOAD_SIGNATURE_INVALID or SIGNER_MISMATCH.
 */
public interface NoticeOpener {
    OpenedNotice open(SealedNotice notice, PrivateKeyAccess ownKey);
}
