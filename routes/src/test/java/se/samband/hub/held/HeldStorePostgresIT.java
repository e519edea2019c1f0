package se.samband.hub.held;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5__held.sql and the held store's SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), in a fresh schema that is dropped afterwards.
 */
class HeldStorePostgresIT extends HeldStoreContract {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA = "samband_held_it_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);

    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void migrateAFreshSchema() {
        try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "")) {
            connection.createStatement().execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 is not reachable: start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ("
                    + e.getMessage() + ")");
        }
        dataSource = new DriverManagerDataSource(SERVER + "?currentSchema=" + SCHEMA, USER, "");
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load()
                .migrate();
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

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
