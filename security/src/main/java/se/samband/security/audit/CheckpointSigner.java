package se.samband.security.audit;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * Signs checkpoints of the chain head with the hub's audit key, through the one private-key port
 * (so an HSM can hold the key). SHA256withECDSA for an EC key, RSASSA-PSS for an RSA key.
 */
public final class CheckpointSigner {
    private final PrivateKeyAccess key;
    private final Clock clock;
    private final SignatureScheme scheme;
    private final String keyId;

    public CheckpointSigner(PrivateKeyAccess key, Clock clock) {
        this.key = key;
        this.clock = clock;
        X509Certificate certificate = key.certificate();
        this.scheme = SignatureScheme.forKeyAlgorithm(certificate.getPublicKey().getAlgorithm())
                .orElseThrow(() -> new SambandException(ErrorCode.AUDIT_CHECKPOINT_FAILED,
                        "audit signing key is neither EC nor RSA"));
        this.keyId = SignatureScheme.keyIdOf(certificate);
    }

    /** The key id that checkpoints signed here carry. */
    public String keyId() {
        return keyId;
    }

    /** Signs "the entry at head.position() has head.hash()" now. */
    public Checkpoint sign(ChainHead head) {
        if (head.position() < 1) {
            throw new SambandException(ErrorCode.AUDIT_CHECKPOINT_FAILED, "an empty chain has no head to sign");
        }
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] content = Checkpoint.signedContent(head.position(), head.hash(), signedAt, keyId);
        try {
            Signature signer = scheme.newSignature();
            signer.initSign(key.privateKey());
            scheme.configure(signer);
            signer.update(content);
            byte[] signature = signer.sign();
            Checkpoint checkpoint = new Checkpoint(head.position(), head.hash(), signedAt, keyId, signature);
            // A key that does not belong to the certificate would sign checkpoints nobody can verify.
            if (!CheckpointVerifier.signatureVerifies(checkpoint, key.certificate())) {
                throw new SambandException(ErrorCode.AUDIT_CHECKPOINT_FAILED,
                        "audit signing key does not match its certificate " + keyId);
            }
            return checkpoint;
        } catch (GeneralSecurityException e) {
            throw new SambandException(ErrorCode.AUDIT_CHECKPOINT_FAILED,
                    "checkpoint at position " + head.position() + " could not be signed", e);
        }
    }
}
