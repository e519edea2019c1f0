package se.samband.hub.held;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.PostgresTestSchema;

/**
 * V5__held.sql and the held store's SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), in a fresh schema that is dropped afterwards.
 */
class HeldStorePostgresIT extends HeldStoreContract {
    private static PostgresTestSchema schema;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateAFreshSchema() {
        schema = PostgresTestSchema.create("samband_held_it");
        dataSource = schema.migrated();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
