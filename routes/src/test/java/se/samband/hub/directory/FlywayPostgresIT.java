package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.TestSupport;

/**
 * The hub's migrations and SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication), in a schema of its own that is dropped afterwards.
 */
class FlywayPostgresIT {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA = "samband_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void createSchema() {
        try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "")) {
            connection.createStatement().execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 is not reachable: start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ("
                    + e.getMessage() + ")");
        }
        dataSource = new DriverManagerDataSource(SERVER + "?currentSchema=" + SCHEMA, USER, "");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (dataSource == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            connection.createStatement().execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theHubsMigrationsRunOnPostgresqlAndItsSqlWorksThere() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).startsWith("1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ?", String.class, SCHEMA);
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
