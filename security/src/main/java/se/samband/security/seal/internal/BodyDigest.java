package se.samband.security.seal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The header's {@code bodyDigest}: base64url without padding of SHA-256 over the body bytes. */
public final class BodyDigest {
    private BodyDigest() {
    }

    public static String of(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body));
    }

    /** Whether {@code claimed} (from the header) is the digest of {@code body}; null never matches. */
    static boolean matches(String claimed, byte[] body) {
        return claimed != null && MessageDigest.isEqual(of(body).getBytes(StandardCharsets.US_ASCII),
                claimed.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256", Providers.JDK_DIGEST).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }
}
