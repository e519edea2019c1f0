package se.samband.security.identity;

import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A municipality code (kommunkod): four digits, county (län) 01..25 then municipality, e.g. Bollnäs
 * {@code 2183}, Jönköping {@code 0680}. The municipality part is never {@code 00}: that would name the
 * county itself.
 */
public record Kommunkod(String value) {
    private static final int MAX_COUNTY = 25;

    public Kommunkod {
        if (!isValid(value)) {
            throw new SambandException(ErrorCode.INVALID_KOMMUNKOD, "expected 4 digits, county 01..25");
        }
    }

    public static Kommunkod parse(String value) {
        return new Kommunkod(value);
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 4 || !Luhn.allDigits(value, 0, 4)) {
            return false;
        }
        int county = Integer.parseInt(value.substring(0, 2));
        return county >= 1 && county <= MAX_COUNTY && !value.endsWith("00");
    }

    /** The county (län) part, e.g. {@code 21} for Gävleborg. */
    public String county() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
