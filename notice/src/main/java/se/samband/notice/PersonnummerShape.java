package se.samband.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for "this text holds something shaped like a Swedish personal identity number", shared by
 * the header reader, the audit trail and the consent registry so that what one accepts the others accept.
 *
 * <p>A shape is a run of digits, not touching another digit, of 10 or 12 digits, or 6 or 8 digits then
 * {@code -} or {@code +} then 4 digits, whose month is 01..12 and day 01..31 or 61..91 (samordningsnummer).
 * No checksum test: a mistyped number is still personal data.
 *
 * <p>A UUID (8-4-4-4-12 hex, not touching another letter or digit) is never such a shape, wherever it stands:
 * its groups may be all digits by chance ({@code 19640823-3234-...} or a tail of {@code 196408233234}, about
 * one random UUID in 700), and ids like {@code kvv-<uuid>} or {@code <uuid>:v2} must not be refused for it.
 * Masking a UUID can only split digit runs, never join them. What it gives up: a personnummer typed in a UUID's own
 * layout ({@code 19640823-3234-0000-0000-000000000000}), or one whose last four digits begin a UUID's first group;
 * neither comes about by accident, and this rule is there for accidents.
 */
public final class PersonnummerShape {
    /** Optional century, YY, MM (group 1), DD (group 2), optional - or +, four digits; not touching a digit. */
    private static final Pattern SHAPE =
            Pattern.compile("(?<![0-9])(?:[0-9]{2})?[0-9]{2}([0-9]{2})([0-9]{2})[-+]?[0-9]{4}(?![0-9])");
    private static final Pattern UUID_TOKEN = Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])");
    private static final int UUID_LENGTH = 36;
    private static final int MIN_DIGITS = 10;

    private PersonnummerShape() {
    }

    public static boolean foundIn(String text) {
        if (text == null || !hasEnoughDigits(text)) {
            return false;
        }
        String scanned = text.length() >= UUID_LENGTH ? UUID_TOKEN.matcher(text).replaceAll("_") : text;
        Matcher m = SHAPE.matcher(scanned);
        while (m.find()) {
            if (isPlausibleDate(m.group(1), m.group(2))) {
                return true;
            }
        }
        return false;
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

    private static boolean isPlausibleDate(String month, String day) {
        int mm = Integer.parseInt(month);
        int dd = Integer.parseInt(day);
        return mm >= 1 && mm <= 12 && ((dd >= 1 && dd <= 31) || (dd >= 61 && dd <= 91));
    }
}
