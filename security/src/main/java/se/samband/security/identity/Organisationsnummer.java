package se.samband.security.identity;

import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A Swedish organisation number: ten digits, written {@code NNNNNN-NNNN} or without the hyphen, whose third
 * and fourth digits form a number of at least 20 (which keeps personal identity numbers of sole traders
 * out: their month is at most 12) and whose last digit is the Luhn check digit. E.g. Polismyndigheten
 * {@code 202100-0076}. Held as ten digits.
 */
public record Organisationsnummer(String digits) {
    private static final int MIN_MIDDLE = 20;

    public Organisationsnummer {
        String problem = problem(digits);
        if (problem != null) {
            throw new SambandException(ErrorCode.INVALID_ORGANISATIONSNUMMER, problem);
        }
    }

    /** Accepts {@code NNNNNNNNNN} or {@code NNNNNN-NNNN}. */
    public static Organisationsnummer parse(String input) {
        if (input != null && input.length() == 11 && input.charAt(6) == '-') {
            return new Organisationsnummer(input.substring(0, 6) + input.substring(7));
        }
        return new Organisationsnummer(input);
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (SambandException e) {
            return false;
        }
    }

    private static String problem(String digits) {
        if (digits == null || digits.length() != 10 || !Luhn.allDigits(digits, 0, 10)) {
            return "format: expected 10 digits, optionally NNNNNN-NNNN";
        }
        if (Integer.parseInt(digits.substring(2, 4)) < MIN_MIDDLE) {
            return "format: third and fourth digits below 20";
        }
        if (!Luhn.isValid(digits)) {
            return "checksum: check digit does not match";
        }
        return null;
    }

    /** The usual written form {@code NNNNNN-NNNN}. */
    public String formatted() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
