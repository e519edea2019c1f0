package se.samband.security.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The one signature scheme per key type, so that no algorithm string travels with a checkpoint
 * and none can be downgraded: the key's type decides.
 */
enum SignatureScheme {
    ECDSA_SHA256("SHA256withECDSA"),
    RSASSA_PSS_SHA256("RSASSA-PSS");

    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    private final String jcaName;

    SignatureScheme(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The scheme for a key whose {@code getAlgorithm()} is this, if Samband signs with such keys. */
    static Optional<SignatureScheme> forKeyAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm == null ? "" : keyAlgorithm.toUpperCase(Locale.ROOT)) {
            case "EC", "ECDSA" -> Optional.of(ECDSA_SHA256);
            case "RSA", "RSASSA-PSS" -> Optional.of(RSASSA_PSS_SHA256);
            default -> Optional.empty();
        };
    }

    /** A fresh JCA signature object, not tied to a provider, so an HSM provider can take the key. */
    Signature newSignature() throws GeneralSecurityException {
        return Signature.getInstance(jcaName);
    }

    /** Sets the fixed PSS parameters; call after init, once the provider that holds the key is chosen. */
    void configure(Signature signature) throws GeneralSecurityException {
        if (this == RSASSA_PSS_SHA256) {
            signature.setParameter(PSS);
        }
    }

    /** base64url (no padding) of SHA-256 over the certificate's DER encoding. */
    static String keyIdOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (CertificateEncodingException e) {
            throw new SambandException(ErrorCode.AUDIT_CHECKPOINT_FAILED, "audit signing certificate cannot be encoded",
                    e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
