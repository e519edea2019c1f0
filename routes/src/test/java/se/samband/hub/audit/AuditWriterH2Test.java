package se.samband.hub.audit;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.TestSupport;

/** The audit writer on the embedded default: H2 in file mode with the hub's options. */
class AuditWriterH2Test extends AuditWriterContract {

    @Override
    DataSource newDatabase() {
        String url = AuditTestBed.h2FileUrl(TestSupport.newDataDir("audit-h2").resolve("db").resolve("samband"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        AuditTestBed.migrate(dataSource);
        return dataSource;
    }
}
