package se.samband.hub.withdrawal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.PostgresTestSchema;

/** The withdrawal fan-out's SQL on a real PostgreSQL, in a fresh schema that is dropped afterwards. */
class WithdrawalRecordsPostgresIT extends WithdrawalRecordsContract {
    private static PostgresTestSchema schema;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateAFreshSchema() {
        schema = PostgresTestSchema.create("samband_withdrawal_it");
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
