package se.samband.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.TestSupport;
import se.samband.hub.audit.AuditProperties;
import se.samband.hub.audit.AuditTestBed;
import se.samband.hub.audit.AuditVerification;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.audit.JdbcAuditLog;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/**
 * The chain monitor over a real audit trail (audit writer, embedded broker, H2): an intact chain counts a run and
 * no failure; after a row is edited the next run counts a failure and the {@code broken} gauge turns 1, which is
 * what the alert rule samband-alerts.yml fires on.
 */
class AuditChainMonitorTest {

    @Test
    void anEditedRowCountsAsAFailedVerification() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(AuditTestBed.h2FileUrl(
                TestSupport.newDataDir("chain-monitor").resolve("db").resolve("samband")), "sa", "");
        AuditTestBed.migrate(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AuditChainMonitor monitor = new AuditChainMonitor(new AuditVerification(new JdbcAuditLog(dataSource),
                List.of(AuditTestBed.pki().certificate(ParticipantId.HUB)))::verify, registry);
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_BROKEN).gauge().value()).isEqualTo(-1.0);

        try (AuditTestBed bed = AuditTestBed.start()) {
            AuditWriter writer = bed.writer(dataSource, new AuditProperties(200, 200, Duration.ofMillis(5),
                    Duration.ofMillis(5), 2, Duration.ofHours(1)));
            writer.start();
            try {
                for (int i = 0; i < 3; i++) {
                    bed.send(AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, Instant.now(), "samband.hub")
                            .noticeId(UUID.randomUUID()).counterpart("socialtjanst.bollnas")
                            .noticeType(NoticeType.CHILD_CONCERN_REPORT).decision(AuditDecision.DENY)
                            .reasonCode("consent_denied").build());
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.headPosition() == 3);
            } finally {
                writer.stop();
            }
        }

        assertThat(monitor.verifyNow().ok()).isTrue();
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_VERIFICATIONS).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_FAILURES).counter().count()).isZero();
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_BROKEN).gauge().value()).isZero();

        jdbc.update("UPDATE audit_entry SET reason_code = 'consent_missing' WHERE position = 2");

        assertThat(monitor.verifyNow().firstBrokenPosition()).isEqualTo(2);
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_VERIFICATIONS).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_FAILURES).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MetricNames.AUDIT_CHAIN_BROKEN).gauge().value()).isEqualTo(1.0);
    }
}
