package se.samband.hub.intake;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import se.samband.notice.NoticeHeader;
import se.samband.security.federation.Federation;
import se.samband.security.federation.RespondByRule;

/**
 * When a recipient must have accepted a notice: the header's {@code respondBy}, else the federation's default for
 * the type, counted from {@code now}. Working days are Monday to Friday in Swedish local time (holidays are not
 * counted out yet): n working days after a weekday is the same local time n weekdays later (Friday 14:00 + 1 is
 * Monday 14:00); a notice that arrives on a weekend counts from the start of Monday, so that the recipient still
 * gets n whole working days (Saturday + 1 is Tuesday 00:00, the end of Monday). Hours are plain elapsed hours.
 */
public final class RespondByCalculator {
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private RespondByCalculator() {
    }

    /** Empty when neither the header nor the federation gives a time: nothing is watched. */
    public static Optional<Instant> respondBy(NoticeHeader header, Federation federation, Instant now) {
        if (header.respondBy() != null) {
            return Optional.of(header.respondBy());
        }
        return federation.respondBy(header.type()).map(rule -> apply(rule, now));
    }

    static Instant apply(RespondByRule rule, Instant now) {
        if (rule.isWorkingDays()) {
            return addWorkingDays(now, rule.workingDays());
        }
        return now.plus(Duration.ofHours(rule.hours()));
    }

    static Instant addWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(SWEDEN);
        if (isWeekend(at)) {
            while (isWeekend(at)) {
                at = at.plusDays(1);
            }
            at = at.truncatedTo(ChronoUnit.DAYS);
        }
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (!isWeekend(at)) {
                left--;
            }
        }
        return at.toInstant();
    }

    private static boolean isWeekend(ZonedDateTime at) {
        DayOfWeek day = at.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
