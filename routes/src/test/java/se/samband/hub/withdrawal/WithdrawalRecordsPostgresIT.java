package se.samband.hub.withdrawal;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samband.hub.MigratedPostgresSchema;

/** The withdrawal fan-out's SQL on a real PostgreSQL, in a fresh schema that is dropped afterwards. */
class WithdrawalRecordsPostgresIT extends WithdrawalRecordsContract {
    @RegisterExtension
    static final MigratedPostgresSchema POSTGRES = new MigratedPostgresSchema("samband_withdrawal_it");

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
