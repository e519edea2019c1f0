package se.samband.security.audit;

import java.util.Arrays;
import java.util.HexFormat;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * An event as appended to the chain. The hub stores these fields and reads them back for
 * verification; {@link AuditChain#append} makes them, {@link ChainVerifier} checks them.
 *
 * @param position     1-based and gap-free
 * @param event        what was recorded
 * @param previousHash the hash of the entry at {@code position - 1}; 32 zero bytes at position 1
 * @param hash         SHA-256 of {@link AuditChain#canonical(long, AuditEvent, byte[])}
 */
public record AuditEntry(long position, AuditEvent event, byte[] previousHash, byte[] hash) {

    public AuditEntry {
        if (position < 1 || event == null || previousHash == null || hash == null
                || previousHash.length != ChainHead.HASH_LENGTH || hash.length != ChainHead.HASH_LENGTH) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID,
                    "audit entry needs position >= 1, an event and two 32-byte hashes");
        }
        previousHash = previousHash.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The chain's head once this entry is the last one. */
    public ChainHead head() {
        return new ChainHead(position, hash);
    }

    boolean hasPreviousHash(byte[] expected) {
        return Arrays.equals(previousHash, expected);
    }

    boolean hasHash(byte[] expected) {
        return Arrays.equals(hash, expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEntry that && position == that.position && event.equals(that.event)
                && Arrays.equals(previousHash, that.previousHash) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(position) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "AuditEntry[position=" + position + ", hash=" + HexFormat.of().formatHex(hash) + ", " + event + "]";
    }
}
