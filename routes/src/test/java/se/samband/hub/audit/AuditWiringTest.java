package se.samband.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.HubSpringTest;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.JdbcHandoverStore;

/** The running hub has the audit and handover tables and serves them through its beans. */
class AuditWiringTest extends HubSpringTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    HandoverStore handoverStore;
    @Autowired
    JdbcAuditLog auditLog;
    @Autowired
    AuditWriter auditWriter;

    @Test
    void theHubMigratesTheAuditAndHandoverTablesAndReadsThem() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("3", "4");
        assertThat(handoverStore).isInstanceOf(JdbcHandoverStore.class);
        UUID unknown = UUID.randomUUID();
        assertThat(handoverStore.noticeKnown(unknown)).isFalse();
        assertThat(handoverStore.handoversOf(unknown)).isEmpty();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        Long read = auditLog.readEntries(entries -> {
            long count = 0;
            for (; entries.hasNext(); entries.next()) {
                count++;
            }
            return count;
        });
        assertThat(read).isEqualTo(stored);
    }
}
