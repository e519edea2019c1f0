package se.samband.hub;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh schema on the real PostgreSQL of the development machines and CI (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, trust authentication), dropped again on {@link #close()}. Fails the
 * test with how to start PostgreSQL when it is not reachable.
 */
public final class PostgresTestSchema implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String name;

    private PostgresTestSchema(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}; the prefix says which test made it, should one be left behind. */
    public static PostgresTestSchema create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "")) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 is not reachable: start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ("
                    + e.getMessage() + ")");
        }
        return new PostgresTestSchema(name);
    }

    public String name() {
        return name;
    }

    /** A data source on this schema; {@code parameters} are extra JDBC URL parameters, e.g. reWriteBatchedInserts. */
    public DriverManagerDataSource dataSource(String... parameters) {
        StringBuilder url = new StringBuilder(SERVER).append("?currentSchema=").append(name);
        for (String parameter : parameters) {
            url.append('&').append(parameter);
        }
        return new DriverManagerDataSource(url.toString(), USER, "");
    }

    /** Runs the hub's Flyway migrations in this schema and returns a data source on it. */
    public DriverManagerDataSource migrated(String... parameters) {
        DriverManagerDataSource dataSource = dataSource(parameters);
        Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            connection.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
