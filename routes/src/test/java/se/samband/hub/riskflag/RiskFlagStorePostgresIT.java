package se.samband.hub.riskflag;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.PostgresTestSchema;

/** The risk-flag SQL on a real PostgreSQL, in a fresh schema that is dropped afterwards. */
class RiskFlagStorePostgresIT extends RiskFlagStoreContract {
    private static PostgresTestSchema schema;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateAFreshSchema() {
        schema = PostgresTestSchema.create("samband_riskflag_it");
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
