package se.samband.security.identity;

import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The HSA-id of a healthcare unit or function: {@code SE} + the organisation's 10-digit organisation number
 * + {@code -} + letters and digits, at most 31 characters, e.g. {@code SE2321000016-15CQ}.
 */
public record HsaId(String value) {
    public static final int MAX_LENGTH = 31;
    private static final int PREFIX_LENGTH = 13;

    public HsaId {
        String problem = problem(value);
        if (problem != null) {
            throw new SambandException(ErrorCode.INVALID_HSA_ID, problem);
        }
    }

    public static HsaId parse(String value) {
        return new HsaId(value);
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** The organisation that issued the id. */
    public Organisationsnummer organisationsnummer() {
        return new Organisationsnummer(value.substring(2, 12));
    }

    private static String problem(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return "format: at most " + MAX_LENGTH + " characters";
        }
        if (value.length() <= PREFIX_LENGTH || !value.startsWith("SE") || value.charAt(12) != '-') {
            return "format: expected SE + organisation number + - + unit";
        }
        for (int i = PREFIX_LENGTH; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return "format: unit part must be letters and digits";
            }
        }
        if (!Organisationsnummer.isValid(value.substring(2, 12))) {
            return "organisation number: not valid";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
