package se.samband.notice;

import java.util.Base64;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Base64 that decodes only the canonical form. The JDK decoders accept missing padding and
 * non-zero trailing bits, so one value could have several spellings; a signed container must have
 * exactly one. Whitespace and the other alphabet are refused by the JDK decoders themselves.
 */
final class StrictBase64 {
    private static final Base64.Decoder STANDARD = Base64.getDecoder();
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private StrictBase64() {
    }

    /** Standard alphabet with padding (RFC 4648 section 4). */
    static byte[] decodeStandard(String text, String member) {
        int length = text.length();
        if (length % 4 != 0) {
            throw bad(member, "length is not a multiple of 4");
        }
        int padding = length == 0 ? 0 : text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0;
        checkTrailingBits(text, length - padding, padding == 2 ? 4 : padding == 1 ? 2 : 0, member);
        try {
            return STANDARD.decode(text);
        } catch (IllegalArgumentException e) {
            throw bad(member, "not standard base64");
        }
    }

    /** URL-safe alphabet without padding (RFC 4648 section 5, padding omitted). */
    static byte[] decodeUrlNoPadding(String text, String member) {
        int length = text.length();
        int remainder = length % 4;
        if (remainder == 1) {
            throw bad(member, "impossible length");
        }
        if (text.indexOf('=') >= 0) {
            throw bad(member, "padding is not allowed");
        }
        checkTrailingBits(text, length, remainder == 2 ? 4 : remainder == 3 ? 2 : 0, member);
        try {
            return URL.decode(text);
        } catch (IllegalArgumentException e) {
            throw bad(member, "not base64url");
        }
    }

    /** How many bytes a base64url text without padding decodes to; lets callers refuse before decoding. */
    static long decodedLengthUrlNoPadding(int textLength) {
        int remainder = textLength % 4;
        return (long) textLength / 4 * 3 + (remainder == 2 ? 1 : remainder == 3 ? 2 : 0);
    }

    private static void checkTrailingBits(String text, int dataEnd, int unusedBits, String member) {
        if (unusedBits == 0 || dataEnd == 0) {
            return;
        }
        int value = sextet(text.charAt(dataEnd - 1));
        if (value < 0) {
            throw bad(member, "character outside the alphabet");
        }
        if ((value & ((1 << unusedBits) - 1)) != 0) {
            throw bad(member, "non-canonical trailing bits");
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }

    private static SambandException bad(String member, String rule) {
        return new SambandException(ErrorCode.BAD_BASE64, "/" + member + ": " + rule);
    }
}
