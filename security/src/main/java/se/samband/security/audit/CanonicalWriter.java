package se.samband.security.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Writes the tag-length-value encoding that security/AUDIT-EVENTS.md specifies: a fixed ASCII
 * label and a version byte, then fields in a fixed order, each as a one-byte tag, a four-byte
 * big-endian length and the value; an absent field has length -1 and no value. Lengths make every
 * field boundary explicit, so no two different records encode to the same bytes.
 */
final class CanonicalWriter {
    static final byte VERSION = 1;
    private static final int ABSENT = -1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalWriter(String label) {
        out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        out.write(VERSION);
    }

    CanonicalWriter int64(int tag, long value) {
        return field(tag, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    CanonicalWriter bytes(int tag, byte[] value) {
        return field(tag, value);
    }

    CanonicalWriter text(int tag, String value) {
        return field(tag, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    CanonicalWriter name(int tag, Enum<?> value) {
        return text(tag, value == null ? null : value.name());
    }

    CanonicalWriter uuid(int tag, UUID value) {
        if (value == null) {
            return field(tag, null);
        }
        return field(tag, ByteBuffer.allocate(16)
                .putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits()).array());
    }

    CanonicalWriter bool(int tag, boolean value) {
        return field(tag, new byte[] {(byte) (value ? 1 : 0)});
    }

    /** A list: the item count, then each item as its length and its UTF-8 bytes. */
    CanonicalWriter textList(int tag, List<String> items) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(items.size()).array());
        for (String item : items) {
            byte[] utf8 = item.getBytes(StandardCharsets.UTF_8);
            list.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
            list.writeBytes(utf8);
        }
        return field(tag, list.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private CanonicalWriter field(int tag, byte[] value) {
        out.write(tag);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? ABSENT : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
        return this;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
