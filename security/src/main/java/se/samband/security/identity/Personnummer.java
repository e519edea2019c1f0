package se.samband.security.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A Swedish personal identity number (personnummer) or coordination number (samordningsnummer, day + 60),
 * held in its 12-digit normalised form {@code YYYYMMDDNNNC}. It exists only to be pseudonymised at the
 * edge: it never appears in {@link #toString()}, in an exception detail or in a log line.
 *
 * <p>Accepted input forms: {@code YYMMDD-NNNC}, {@code YYMMDD+NNNC} (the person is 100 or older),
 * {@code YYMMDDNNNC} (read as {@code -}), {@code YYYYMMDD-NNNC} and {@code YYYYMMDDNNNC}. The date must be a
 * real calendar date not after {@code today}, and the Luhn check digit must match over the 10-digit form.
 */
public final class Personnummer {
    private static final int SAMORDNING_OFFSET = 60;
    /** 12-digit forms must start 18, 19 or 20: nobody alive or recently deceased was born earlier. */
    private static final int MIN_CENTURY = 18;
    private static final int MAX_CENTURY = 20;

    private final String normalized;
    private final LocalDate birthDate;
    private final boolean samordningsnummer;

    private Personnummer(String normalized, LocalDate birthDate, boolean samordningsnummer) {
        this.normalized = normalized;
        this.birthDate = birthDate;
        this.samordningsnummer = samordningsnummer;
    }

    /**
     * Parses and validates a number. {@code today} decides the century of the 10-digit forms (inject it
     * from a {@link java.time.Clock}); errors are INVALID_PERSONNUMMER with the rule that failed (format,
     * date or checksum), never the number.
     */
    public static Personnummer parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (input == null) {
            throw invalid("format: no value");
        }
        String digits;
        Integer century = null;
        char separator = '-';
        switch (input.length()) {
            case 10 -> digits = requireDigits(input);
            case 11 -> {
                separator = input.charAt(6);
                if (separator != '-' && separator != '+') {
                    throw invalid("format: expected YYMMDD-NNNC or YYMMDD+NNNC");
                }
                digits = requireDigits(input.substring(0, 6) + input.substring(7));
            }
            case 12 -> {
                String all = requireDigits(input);
                century = Integer.parseInt(all.substring(0, 2));
                digits = all.substring(2);
            }
            case 13 -> {
                if (input.charAt(8) != '-') {
                    throw invalid("format: expected YYYYMMDD-NNNC");
                }
                String all = requireDigits(input.substring(0, 8) + input.substring(9));
                century = Integer.parseInt(all.substring(0, 2));
                digits = all.substring(2);
            }
            default -> throw invalid("format: expected 10 or 12 digits");
        }
        int yy = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int dayField = Integer.parseInt(digits.substring(4, 6));
        boolean samordning = dayField > SAMORDNING_OFFSET;
        int day = samordning ? dayField - SAMORDNING_OFFSET : dayField;
        if (century != null && (century < MIN_CENTURY || century > MAX_CENTURY)) {
            throw invalid("date: century out of range");
        }
        int year = century != null ? century * 100 + yy : tenDigitYear(yy, month, day, separator, today);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid(samordning ? "date: no such date (coordination number)" : "date: no such date");
        }
        if (birthDate.isAfter(today)) {
            throw invalid("date: in the future");
        }
        if (!Luhn.isValid(digits)) {
            throw invalid("checksum: check digit does not match");
        }
        return new Personnummer(String.format("%04d", year) + digits.substring(2), birthDate, samordning);
    }

    /**
     * The century of a 10-digit number: with {@code -} the most recent year ending in YY whose date is not
     * after today (the person is under 100); with {@code +} a hundred years earlier (100 or older).
     */
    private static int tenDigitYear(int yy, int month, int day, char separator, LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        boolean laterThisYear = year == today.getYear()
                && (month > today.getMonthValue() || (month == today.getMonthValue() && day > today.getDayOfMonth()));
        if (laterThisYear) {
            year -= 100;
        }
        return separator == '+' ? year - 100 : year;
    }

    private static String requireDigits(String text) {
        if (!Luhn.allDigits(text, 0, text.length())) {
            throw invalid("format: only digits and one separator allowed");
        }
        return text;
    }

    private static SambandException invalid(String rule) {
        return new SambandException(ErrorCode.INVALID_PERSONNUMMER, rule);
    }

    /** The 12 digits {@code YYYYMMDDNNNC}, with the day as written (61..91 for a coordination number). */
    public String normalized() {
        return normalized;
    }

    /** The birth date; for a coordination number the day with 60 taken off. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** True for a samordningsnummer (day 61..91). */
    public boolean isSamordningsnummer() {
        return samordningsnummer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Personnummer that && normalized.equals(that.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** Never the number: this object may end up in a log line by accident. */
    @Override
    public String toString() {
        return "Personnummer[****]";
    }
}
