package se.samband.hub.officer;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.PostgresTestSchema;

/** The security officer's SQL on the real PostgreSQL (127.0.0.1:5432), in a fresh schema. */
class OfficerStorePostgresIT extends OfficerStoreContract {
    private static PostgresTestSchema schema;
    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void migrate() {
        schema = PostgresTestSchema.create("officer");
        dataSource = schema.migrated();
    }

    @AfterAll
    static void drop() throws Exception {
        schema.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
