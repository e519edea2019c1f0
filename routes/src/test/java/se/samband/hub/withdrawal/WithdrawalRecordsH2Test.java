package se.samband.hub.withdrawal;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.MigratedH2Database;

/** The withdrawal fan-out's SQL on H2 in PostgreSQL mode, migrated by the hub's Flyway scripts. */
class WithdrawalRecordsH2Test extends WithdrawalRecordsContract {
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
