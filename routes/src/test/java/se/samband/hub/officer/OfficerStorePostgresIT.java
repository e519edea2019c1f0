package se.samband.hub.officer;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samband.hub.MigratedPostgresSchema;

/** The security officer's SQL on the real PostgreSQL (127.0.0.1:5432), in a fresh schema. */
class OfficerStorePostgresIT extends OfficerStoreContract {
    @RegisterExtension
    static final MigratedPostgresSchema POSTGRES = new MigratedPostgresSchema("officer");

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
