package se.samband.hub.riskflag;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samband.hub.MigratedPostgresSchema;

/** The risk-flag SQL on a real PostgreSQL, in a fresh schema that is dropped afterwards. */
class RiskFlagStorePostgresIT extends RiskFlagStoreContract {
    @RegisterExtension
    static final MigratedPostgresSchema POSTGRES = new MigratedPostgresSchema("samband_riskflag_it");

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
