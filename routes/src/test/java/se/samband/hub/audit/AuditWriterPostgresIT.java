package se.samband.hub.audit;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The audit writer on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}), each
 * test in a fresh schema that is dropped afterwards, with the batched-insert rewrite of the postgres profile.
 */
class AuditWriterPostgresIT extends AuditWriterContract {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    private static final List<String> SCHEMAS = new ArrayList<>();

    @Override
    DataSource newDatabase() {
        return freshSchema();
    }

    /** A new migrated schema; fails clearly when PostgreSQL is not running. */
    static DataSource freshSchema() {
        String schema = "samband_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "")) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 is not reachable: start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ("
                    + e.getMessage() + ")");
        }
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                SERVER + "?currentSchema=" + schema + "&reWriteBatchedInserts=true", USER, "");
        AuditTestBed.migrate(dataSource, schema);
        return dataSource;
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        synchronized (SCHEMAS) {
            if (SCHEMAS.isEmpty()) {
                return;
            }
            try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
                for (String schema : SCHEMAS) {
                    connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            SCHEMAS.clear();
        }
    }
}
