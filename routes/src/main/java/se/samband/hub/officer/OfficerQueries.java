package se.samband.hub.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;

/**
 * Reads the security officer API's query parameters; anything unreadable is {@code query_invalid} naming the
 * parameter, never its value. Times are ISO-8601 instants ({@code 2026-11-20T08:00:00Z}) or dates, which mean
 * Swedish days: {@code from=2026-11-20} from its start, {@code to=2026-11-20} up to its end.
 */
final class OfficerQueries {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");

    private OfficerQueries() {
    }

    static Instant from(String value) {
        return time("from", value, false);
    }

    static Instant to(String value) {
        return time("to", value, true);
    }

    static void period(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("from", "is not before to");
        }
    }

    static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("limit", "outside 1.." + MAX_LIMIT);
        }
        return value;
    }

    /** The cursor of a page: the id of the last entry the previous page showed. */
    static Long cursor(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CURSOR.matcher(value).matches()) {
            throw invalid("cursor", "is not a cursor this API gave");
        }
        return Long.parseLong(value);
    }

    static String pseudonym(String name, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw invalid(name, "missing");
            }
            return null;
        }
        if (!PSEUDONYM.matcher(value).matches()) {
            // Also what a personal identity number typed here gets: pseudonymise it first.
            throw invalid(name, "is not a ps1: pseudonym");
        }
        return value;
    }

    static String participant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!ParticipantId.isValid(value)) {
            throw invalid("participant", "is not a participant id");
        }
        return value;
    }

    static AuditDecision decision(String value) {
        return value == null || value.isEmpty() ? null : enumValue(AuditDecision.class, "decision", value);
    }

    static LegalBasisCode basis(String value) {
        return value == null || value.isEmpty() ? null : enumValue(LegalBasisCode.class, "basis", value);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "is not one of the known values");
        }
    }

    static OfficerRefused invalid(String parameter, String rule) {
        return new OfficerRefused(ErrorCode.QUERY_INVALID, parameter + ": " + rule);
    }

    private static Instant time(String name, String value, boolean end) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(SWEDEN).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "is neither an ISO-8601 instant nor a date");
        }
    }
}
