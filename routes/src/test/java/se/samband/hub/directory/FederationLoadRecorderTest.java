package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.TestSupport;
import se.samband.security.federation.Federation;

@ExtendWith(OutputCaptureExtension.class)
class FederationLoadRecorderTest {
    private final Federation demo = TestSupport.demoFederation();
    private JdbcTemplate jdbc;
    private FederationLoadRecorder recorder;

    @BeforeEach
    void migrateAFreshDatabase() {
        // The same H2 options as the hub's default data source, in memory.
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        recorder = new FederationLoadRecorder(jdbc);
    }

    private LoadedFederation loaded(String sha256, String at) {
        return new LoadedFederation(demo, "classpath:samband/demo/federation.yaml", sha256, Instant.parse(at));
    }

    @Test
    void recordsEachExactFileOnce() {
        assertThat(recorder.record(loaded("a".repeat(64), "2026-11-22T08:00:00Z"))).isTrue();
        assertThat(recorder.record(loaded("a".repeat(64), "2026-11-23T08:00:00Z"))).isFalse();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM federation_load", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT participant_count FROM federation_load", Integer.class))
                .isEqualTo(demo.participants().size());
    }

    @Test
    void editedFileWithTheSameVersionIsRecordedAndWarnedAbout(CapturedOutput output) {
        recorder.record(loaded("a".repeat(64), "2026-11-22T08:00:00Z"));

        assertThat(recorder.record(loaded("b".repeat(64), "2026-11-23T08:00:00Z"))).isTrue();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM federation_load", Integer.class)).isEqualTo(2);
        assertThat(output.getOut()).contains("Federation " + demo.info().id() + " version " + demo.info().version()
                + " was loaded before with different content");
    }
}
