package se.samband.security.audit;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks checkpoint signatures against the hub's audit signing certificates, current and past
 * (after a key rotation old checkpoints still name the old certificate). The certificates come
 * from configuration, never from the checkpoint table: a checkpoint naming any other key is invalid.
 */
public final class CheckpointVerifier {
    private final Map<String, X509Certificate> trustedByKeyId = new HashMap<>();

    public CheckpointVerifier(Collection<X509Certificate> trustedSigners) {
        trustedSigners.forEach(c -> trustedByKeyId.put(SignatureScheme.keyIdOf(c), c));
    }

    /**
     * True if a trusted certificate with the checkpoint's key id signed it, and that certificate was
     * valid at the checkpoint's signing time.
     */
    public boolean verifies(Checkpoint checkpoint) {
        X509Certificate certificate = trustedByKeyId.get(checkpoint.signerKeyId());
        if (certificate == null) {
            return false;
        }
        try {
            certificate.checkValidity(Date.from(checkpoint.signedAt()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
        return signatureVerifies(checkpoint, certificate);
    }

    static boolean signatureVerifies(Checkpoint checkpoint, X509Certificate certificate) {
        Optional<SignatureScheme> scheme = SignatureScheme.forKeyAlgorithm(certificate.getPublicKey().getAlgorithm());
        if (scheme.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = scheme.get().newSignature();
            verifier.initVerify(certificate.getPublicKey());
            scheme.get().configure(verifier);
            verifier.update(checkpoint.signedContent());
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            // A malformed signature (e.g. bad DER) is simply not a valid one.
            return false;
        }
    }
}
