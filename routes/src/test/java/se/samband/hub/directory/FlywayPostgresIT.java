package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.PostgresTestSchema;
import se.samband.hub.TestSupport;

/**
 * The hub's migrations and SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication), in a schema of its own that is dropped afterwards.
 */
class FlywayPostgresIT {
    private static PostgresTestSchema schema;
    private static DataSource dataSource;

    @BeforeAll
    static void createSchema() {
        schema = PostgresTestSchema.create("samband_it");
        dataSource = schema.dataSource();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theHubsMigrationsRunOnPostgresqlAndItsSqlWorksThere() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema.name())
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).startsWith("1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ?", String.class, schema.name());
        assertThat(tables).contains("federation_load", "flyway_schema_history");

        // The recorder's statements, unchanged, against PostgreSQL.
        FederationLoadRecorder recorder = new FederationLoadRecorder(jdbc);
        var federation = TestSupport.demoFederation();
        LoadedFederation loaded = new LoadedFederation(federation, "classpath:samband/demo/federation.yaml",
                TestSupport.sha256Hex(TestSupport.demoFederationBytes()), Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(recorder.record(loaded)).isTrue();
        assertThat(recorder.record(loaded)).as("the same file is recorded once").isFalse();
        OffsetDateTime loadedAt = jdbc.queryForObject("SELECT loaded_at FROM federation_load WHERE federation_id = ?",
                OffsetDateTime.class, federation.info().id());
        assertThat(loadedAt.toInstant()).isEqualTo(loaded.loadedAt());
    }
}
