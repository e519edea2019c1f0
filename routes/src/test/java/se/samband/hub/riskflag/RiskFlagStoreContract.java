package se.samband.hub.riskflag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.samband.hub.consent.JdbcConsentStore;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.ParticipantId;
import se.samband.security.consent.RiskFlag;

/** The risk-flag API's SQL (risk_flag of V2 and V6), run against each database the hub supports. */
abstract class RiskFlagStoreContract {
    private static final ParticipantId POLICE = ParticipantId.of("polisen.jonkoping");
    private static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.jonkoping");

    abstract DataSource dataSource();

    @Test
    void setsFindsAndClearsAFlagOnce() {
        JdbcRiskFlags flags = new JdbcRiskFlags(new JdbcTemplate(dataSource()));
        String subject = PipelineFixture.pseudonym("flag " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        flags.insert(id, new RiskFlag(subject, SOCIAL, now.plus(Duration.ofDays(30)), "CONTACT_UNSAFE", now, null));

        StoredFlag stored = flags.find(id).orElseThrow();
        assertThat(stored.flag()).isEqualTo(new RiskFlag(subject, SOCIAL, now.plus(Duration.ofDays(30)),
                "CONTACT_UNSAFE", now, null));
        assertThat(flags.ofSubject(subject)).extracting(StoredFlag::id).containsExactly(id);
        assertThat(new JdbcConsentStore(new NamedParameterJdbcTemplate(dataSource())).riskFlagsFor(List.of(subject)))
                .singleElement().satisfies(f -> assertThat(f.isActive(now)).isTrue());

        Instant later = now.plusSeconds(60);
        assertThat(flags.clear(id, POLICE, later)).isTrue();
        assertThat(flags.clear(id, SOCIAL, later.plusSeconds(1))).as("cleared once").isFalse();
        StoredFlag cleared = flags.find(id).orElseThrow();
        assertThat(cleared.flag().clearedAt()).isEqualTo(later);
        assertThat(cleared.clearedBy()).isEqualTo(POLICE.value());
        assertThat(cleared.flag().isActive(later)).isFalse();
        assertThat(flags.endedUnrecorded(now.plus(Duration.ofDays(60)), 100_000)).extracting(StoredFlag::id)
                .as("a cleared flag has its own record").doesNotContain(id);
    }

    @Test
    void findsFlagsThatRanOutUntilTheirEndIsRecorded() {
        JdbcRiskFlags flags = new JdbcRiskFlags(new JdbcTemplate(dataSource()));
        String subject = PipelineFixture.pseudonym("running out " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID ended = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        flags.insert(ended, new RiskFlag(subject, POLICE, now.minusSeconds(1), "CONTACT_UNSAFE",
                now.minus(Duration.ofDays(2)), null));
        flags.insert(running, new RiskFlag(subject, POLICE, now.plus(Duration.ofDays(1)), "CONTACT_UNSAFE", now,
                null));

        assertThat(flags.endedUnrecorded(now, 100_000)).extracting(StoredFlag::id).contains(ended)
                .doesNotContain(running);
        assertThat(flags.recordEnd(ended, now)).isTrue();
        assertThat(flags.recordEnd(ended, now)).as("recorded once").isFalse();
        assertThat(flags.endedUnrecorded(now, 100_000)).extracting(StoredFlag::id).doesNotContain(ended);
    }
}
