package se.samband.hub.riskflag;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import se.samband.hub.MigratedH2Database;

/** The risk-flag SQL on H2 in PostgreSQL mode, migrated by the hub's Flyway scripts. */
class RiskFlagStoreH2Test extends RiskFlagStoreContract {
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
