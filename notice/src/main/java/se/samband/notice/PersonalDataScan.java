package se.samband.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Refuses header strings that hold something shaped like a Swedish personal identity number, and
 * strings with control characters. Runs on the raw tree before the schema, so that personal data in
 * any field (also an unknown one, or one whose pattern it would break) is reported as what it is.
 *
 * <p>What counts as a personnummer shape is {@link PersonnummerShape}'s rule.
 *
 * <p>Fields whose schema pins them to a random-looking base64url or hex form (pseudonyms, the body
 * digest, UUIDs) are skipped only when they match that form exactly: a base64url pseudonym may contain
 * ten digits in a row between {@code -} and {@code _}, which is chance, not a personnummer. A UUID inside
 * any other value (a consent id like {@code kvv-<uuid>}) is not counted either; the UUID fields are
 * skipped only because that is quicker than masking.
 */
final class PersonalDataScan {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");

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
        if (!isPinnedRandomForm(text, fieldName, depth) && PersonnummerShape.foundIn(text)) {
            throw new SambandException(ErrorCode.PERSONAL_DATA_IN_HEADER,
                    pointer + ": value shaped like a personal identity number");
        }
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

}
