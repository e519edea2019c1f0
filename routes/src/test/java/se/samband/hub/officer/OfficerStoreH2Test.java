package se.samband.hub.officer;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.MigratedH2Database;

/** The security officer's SQL on H2 in PostgreSQL mode, migrated by the hub's Flyway scripts. */
class OfficerStoreH2Test extends OfficerStoreContract {
    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedH2Database.create();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
