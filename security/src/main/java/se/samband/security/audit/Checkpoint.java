package se.samband.security.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A signed statement "the chain's entry at {@code position} has hash {@code headHash}". An attacker
 * who edits an entry and recomputes every later hash still cannot match a checkpoint without the
 * hub's audit signing key. The signature covers {@link #signedContent()}.
 *
 * @param position    the entry the checkpoint vouches for, 1-based
 * @param headHash    that entry's hash
 * @param signedAt    when it was signed; truncated to milliseconds, as signed
 * @param signerKeyId base64url (no padding) of SHA-256 over the signer certificate's DER encoding
 * @param signature   SHA256withECDSA (DER) for an EC key, RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) for RSA
 */
public record Checkpoint(long position, byte[] headHash, Instant signedAt, String signerKeyId, byte[] signature) {
    static final String LABEL = "SAMBAND-AUDIT-CHECKPOINT";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    public Checkpoint {
        if (position < 1 || headHash == null || headHash.length != ChainHead.HASH_LENGTH || signedAt == null
                || signerKeyId == null || !KEY_ID.matcher(signerKeyId).matches()
                || signature == null || signature.length == 0) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID,
                    "checkpoint needs position >= 1, a 32-byte hash, a time, a key id and a signature");
        }
        headHash = headHash.clone();
        signedAt = AuditFieldRules.instant(signedAt, "signedAt").truncatedTo(ChronoUnit.MILLIS);
        signature = signature.clone();
    }

    /**
     * The bytes the signature covers: {@code "SAMBAND-AUDIT-CHECKPOINT"}, version byte 1, position
     * (tag 1), head hash (tag 2), signedAt epoch milliseconds (tag 3), signer key id (tag 4).
     */
    public byte[] signedContent() {
        return signedContent(position, headHash, signedAt, signerKeyId);
    }

    static byte[] signedContent(long position, byte[] headHash, Instant signedAt, String signerKeyId) {
        return new CanonicalWriter(LABEL)
                .int64(1, position)
                .bytes(2, headHash)
                .int64(3, signedAt.truncatedTo(ChronoUnit.MILLIS).toEpochMilli())
                .text(4, signerKeyId)
                .toByteArray();
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    boolean vouchesFor(byte[] hash) {
        return Arrays.equals(headHash, hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && position == that.position
                && Arrays.equals(headHash, that.headHash) && signedAt.equals(that.signedAt)
                && signerKeyId.equals(that.signerKeyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(position) + Arrays.hashCode(headHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[position=" + position + ", headHash=" + HexFormat.of().formatHex(headHash)
                + ", signedAt=" + signedAt + ", signerKeyId=" + signerKeyId + "]";
    }
}
