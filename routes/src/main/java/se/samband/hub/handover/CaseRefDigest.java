package se.samband.hub.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * How the hub keeps a notice header's {@code caseRef}: as base64url SHA-256 (43 characters), never as given. The
 * reference is opaque and may not look like a personnummer, but it is the agency's key to a case file; the digest
 * still finds every notice of a case when the timeline is asked with the same reference.
 */
public final class CaseRefDigest {
    /** The header schema's rule for {@code caseRef}. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    private CaseRefDigest() {
    }

    /** The digest of {@code caseRef}, or null for null. */
    public static String of(String caseRef) {
        if (caseRef == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(caseRef.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code value} is a digest as {@link #of} makes it (so a stray property cannot land in the table). */
    public static boolean isDigest(String value) {
        return value != null && value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c)
                && c < 128 || c == '-' || c == '_');
    }
}
