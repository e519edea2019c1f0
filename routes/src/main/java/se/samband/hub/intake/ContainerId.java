package se.samband.hub.intake;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The id the hub gives a submission whose header it could not read, so that the rejection receipt can still
 * answer something the sender can match: a version 8 UUID (RFC 9562, custom) made of the first 16 bytes of
 * SHA-256 over the exact container bytes, version and variant bits set. The sender's connector computes the same
 * from the bytes in its outbox. Documented in ERROR-CODES.md ("Hub pipeline").
 */
final class ContainerId {
    private ContainerId() {
    }

    static UUID of(byte[] container) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(container);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
