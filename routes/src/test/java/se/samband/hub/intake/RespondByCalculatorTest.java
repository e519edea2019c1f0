package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.Purpose;
import se.samband.security.federation.Federation;

class RespondByCalculatorTest {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Federation DEMO = PipelineFixture.shared().federation();

    /** 2026-11-23 is a Monday. Expected values are written out by hand from a calendar. */
    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2026-11-24T10:00, 1, 2026-11-25T10:00",   // Tuesday -> Wednesday
        "2026-11-27T14:00, 1, 2026-11-30T14:00",   // Friday -> Monday
        "2026-11-27T14:00, 5, 2026-12-04T14:00",   // Friday -> next Friday
        "2026-11-26T09:30, 2, 2026-11-30T09:30",   // Thursday -> Monday
        "2026-11-28T10:00, 1, 2026-12-01T00:00",   // Saturday: all of Monday, so Tuesday 00:00
        "2026-11-29T23:59, 5, 2026-12-07T00:00",   // Sunday: Monday to Friday, so the next Monday 00:00
        "2026-11-23T08:00, 10, 2026-12-07T08:00",  // Monday -> two weeks later
        "2026-11-24T10:00, 0, 2026-11-24T10:00"
    })
    void addsMondayToFridayInSwedishLocalTime(String start, int days, String expected) {
        Instant from = LocalDateTime.parse(start).atZone(SWEDEN).toInstant();

        Instant result = RespondByCalculator.addWorkingDays(from, days);

        assertThat(result).isEqualTo(LocalDateTime.parse(expected).atZone(SWEDEN).toInstant());
    }

    @Test
    void keepsTheLocalTimeAcrossTheChangeToWinterTime() {
        // Friday 23 October 2026, 10:00 CEST; the clocks go back on Sunday 25 October.
        Instant from = LocalDateTime.parse("2026-10-23T10:00").atZone(SWEDEN).toInstant();

        assertThat(RespondByCalculator.addWorkingDays(from, 1))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));    // Monday 10:00 CET
    }

    @Test
    void prefersTheHeadersRespondByOverTheFederationsDefault() {
        Instant now = PipelineFixture.NOW;
        NoticeHeader withRespondBy = PipelineFixture.childConcern(PipelineFixture.SOC_BOLLNAS)
                .respondBy(now.plusSeconds(3600)).build();

        assertThat(RespondByCalculator.respondBy(withRespondBy, DEMO, now)).contains(now.plusSeconds(3600));
    }

    @Test
    void usesTheFederationsWorkingDaysOrHoursForTheType() {
        Instant tuesday = PipelineFixture.NOW;    // 2026-11-24T09:00Z
        NoticeHeader releaseConsent = header(NoticeType.RELEASE_CONTACT_CONSENT);    // 5 working days
        NoticeHeader preventionAlert = header(NoticeType.IPV_PREVENTION_ALERT);      // 8 hours

        assertThat(RespondByCalculator.respondBy(releaseConsent, DEMO, tuesday))
                .contains(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(RespondByCalculator.respondBy(preventionAlert, DEMO, tuesday))
                .contains(Instant.parse("2026-11-24T17:00:00Z"));
    }

    private static NoticeHeader header(NoticeType type) {
        return PipelineFixture.caseNotice(PipelineFixture.FRIVARD, type,
                LegalBasisClaim.consent("c-" + UUID.randomUUID()), Purpose.SUPPORT_CONTACT, java.util.Set.of(),
                PipelineFixture.SOC_BOLLNAS).build();
    }
}
