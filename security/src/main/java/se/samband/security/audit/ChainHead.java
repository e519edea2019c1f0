package se.samband.security.audit;

import java.util.Arrays;
import java.util.HexFormat;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The end of the chain: the position and hash of the last entry, where the next batch is
 * appended and what a checkpoint signs. {@link #GENESIS} is the head of an empty chain.
 *
 * @param position the last entry's position; 0 for an empty chain
 * @param hash     the last entry's hash; 32 zero bytes for an empty chain
 */
public record ChainHead(long position, byte[] hash) {
    public static final int HASH_LENGTH = 32;
    public static final ChainHead GENESIS = new ChainHead(0, new byte[HASH_LENGTH]);

    public ChainHead {
        if (position < 0 || hash == null || hash.length != HASH_LENGTH) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "chain head needs position >= 0 and 32 bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHead that && position == that.position && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(position) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ChainHead[position=" + position + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
