package se.samband.notice;

import java.util.Arrays;

/**
 * The wire container, media type {@value #MEDIA_TYPE}: the header's exact signed bytes, a detached
 * CMS SignedData over them, and the CMS AuthEnvelopedData body. Arrays are not copied: treat as read-only.
 */
public record SealedNotice(byte[] header, byte[] signature, byte[] body) {
    public static final String MEDIA_TYPE = "application/samband-notice+json";

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedNotice other
                && Arrays.equals(header, other.header)
                && Arrays.equals(signature, other.signature)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(header) + Arrays.hashCode(signature)) + Arrays.hashCode(body);
    }

    /** Sizes only: the bytes are sealed but still never belong in a log line. */
    @Override
    public String toString() {
        return "SealedNotice[header=" + header.length + "B, signature=" + signature.length + "B, body="
                + body.length + "B]";
    }
}
