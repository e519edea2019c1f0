package se.samband.hub;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link PostgresTestSchema} with the hub's Flyway migrations for one test class, dropped after its last
 * test. Register it as a static field: {@code @RegisterExtension static final MigratedPostgresSchema POSTGRES = new
 * MigratedPostgresSchema("samband_x_it");} and use {@link #dataSource()} in the tests.
 */
public final class MigratedPostgresSchema implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private PostgresTestSchema schema;
    private DataSource dataSource;

    /** {@code prefix} names the schema, so that one left behind says which test made it. */
    public MigratedPostgresSchema(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        schema = PostgresTestSchema.create(prefix);
        dataSource = schema.migrated();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
