package se.samband.hub.held;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samband.hub.MigratedPostgresSchema;

/**
 * V5__held.sql and the held store's SQL on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), in a fresh schema that is dropped afterwards.
 */
class HeldStorePostgresIT extends HeldStoreContract {
    @RegisterExtension
    static final MigratedPostgresSchema POSTGRES = new MigratedPostgresSchema("samband_held_it");

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
