package se.samband.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Refuses header strings that hold something shaped like a Swedish personal identity number, and
 * strings with control characters. Runs on the raw tree before the schema, so that personal data in
 * any field (also an unknown one, or one whose pattern it would break) is reported as what it is.
 *
 * <p>A personnummer shape is a run of digits, not touching another digit, of 10 or 12 digits, or 6 or 8
 * digits then {@code -} or {@code +} then 4 digits, whose month is 01..12 and day 01..31 or 61..91
 * (samordningsnummer). No checksum test: a mistyped number is still personal data.
 *
 * <p>Fields whose schema pins them to a random-looking base64url or hex form (pseudonyms, the body
 * digest, UUIDs) are skipped only when they match that form exactly: a base64url pseudonym may contain
 * ten digits in a row between {@code -} and {@code _}, which is chance, not a personnummer.
 */
final class PersonalDataScan {
    /** Optional century, YY, MM (group 1), DD (group 2), optional - or +, four digits; not touching a digit. */
    private static final Pattern SHAPE =
            Pattern.compile("(?<![0-9])(?:[0-9]{2})?[0-9]{2}([0-9]{2})([0-9]{2})[-+]?[0-9]{4}(?![0-9])");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MIN_DIGITS = 10;

    private PersonalDataScan() {
    }

    /** Throws PERSONAL_DATA_IN_HEADER or SCHEMA_VIOLATION naming the pointer, never the value. */
    static void check(JsonNode header) {
        walk(header, "/", null, 0);
    }

    private static void walk(JsonNode node, String pointer, String fieldName, int depth) {
        if (node.isTextual()) {
            checkText(node.textValue(), pointer, fieldName, depth);
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = SafePointer.child(pointer, field.getKey());
                // Keys are strings too: a personnummer used as a key must not slip through as "unknown field".
                checkText(field.getKey(), child, null, -1);
                walk(field.getValue(), child, field.getKey(), depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), SafePointer.child(pointer, i), null, depth + 1);
            }
        }
    }

    private static void checkText(String text, String pointer, String fieldName, int depth) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Java's "$" matches before a final line break; refusing control characters closes that gap
            // in the schema's patterns and keeps CR/LF out of anything that reaches a log.
            if (c < 0x20 || c == 0x7f) {
                throw new SambandException(ErrorCode.SCHEMA_VIOLATION, pointer + ": control character");
            }
        }
        if (!hasEnoughDigits(text) || isPinnedRandomForm(text, fieldName, depth)) {
            return;
        }
        Matcher m = SHAPE.matcher(text);
        while (m.find()) {
            if (isPlausibleDate(m.group(1), m.group(2))) {
                throw new SambandException(ErrorCode.PERSONAL_DATA_IN_HEADER,
                        pointer + ": value shaped like a personal identity number");
            }
        }
    }

    private static boolean hasEnoughDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < MIN_DIGITS; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= MIN_DIGITS;
    }

    /** depth 1 = a top-level header field; depth 3 = a field of an array element (subjects). */
    private static boolean isPinnedRandomForm(String text, String fieldName, int depth) {
        if (fieldName == null) {
            return false;
        }
        if (depth == 1 && ("noticeId".equals(fieldName) || "inReplyTo".equals(fieldName))) {
            return UUID.matcher(text).matches();
        }
        if (depth == 1 && "bodyDigest".equals(fieldName)) {
            return DIGEST.matcher(text).matches();
        }
        if (depth == 3 && "pseudonym".equals(fieldName)) {
            return PSEUDONYM.matcher(text).matches();
        }
        return false;
    }

    private static boolean isPlausibleDate(String month, String day) {
        int mm = Integer.parseInt(month);
        int dd = Integer.parseInt(day);
        return mm >= 1 && mm <= 12 && ((dd >= 1 && dd <= 31) || (dd >= 61 && dd <= 91));
    }
}
