package se.samband.hub.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import se.samband.hub.PostgresTestSchema;

/**
 * The audit writer on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}), each
 * test in a fresh schema that is dropped afterwards, with the batched-insert rewrite of the postgres profile.
 */
class AuditWriterPostgresIT extends AuditWriterContract {
    private static final List<PostgresTestSchema> SCHEMAS = new ArrayList<>();

    @Override
    DataSource newDatabase() {
        return freshSchema();
    }

    /** A new migrated schema, with the batched-insert rewrite of the postgres profile. */
    static DataSource freshSchema() {
        PostgresTestSchema schema = PostgresTestSchema.create("samband_audit");
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        DataSource dataSource = schema.dataSource("reWriteBatchedInserts=true");
        AuditTestBed.migrate(dataSource, schema.name());
        return dataSource;
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        synchronized (SCHEMAS) {
            for (PostgresTestSchema schema : SCHEMAS) {
                schema.close();
            }
            SCHEMAS.clear();
        }
    }
}
