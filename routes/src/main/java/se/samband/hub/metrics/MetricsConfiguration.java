package se.samband.hub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.audit.AuditVerification;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.audit.JdbcAuditLog;
import se.samband.hub.directory.Directory;
import se.samband.hub.intake.InboxListenerContainers;
import se.samband.hub.trust.FederationTrust;

/**
 * The hub's own metrics on Spring Boot's meter registry, served as {@code /actuator/prometheus} on the management
 * port: pipeline counters and step timers (fed by the pipeline as a {@code PipelineObserver}), broker queue gauges,
 * the audit writer's counts, cached store gauges, certificate expiry and the audit chain monitor. Names in
 * {@link MetricNames}.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    NoticeMetrics noticeMetrics(MeterRegistry registry, Directory directory) {
        return new NoticeMetrics(registry, directory::federation);
    }

    @Bean
    BrokerQueueGauges brokerQueueGauges(EmbeddedActiveMQ hubBroker, Directory directory) {
        return new BrokerQueueGauges(hubBroker, directory.federation().participants());
    }

    @Bean
    IntakeTransactionMeters intakeTransactionMeters(InboxListenerContainers inboxListenerContainers) {
        return new IntakeTransactionMeters(inboxListenerContainers);
    }

    @Bean
    AuditWriterMeters auditWriterMeters(AuditWriter auditWriter) {
        return new AuditWriterMeters(auditWriter);
    }

    @Bean
    StoreGauges storeGauges(JdbcTemplate jdbc, Directory directory, Clock clock, MetricsProperties properties) {
        return new StoreGauges(jdbc, directory::federation, clock, properties.storeCountsMaxAge());
    }

    @Bean
    CertificateExpiryGauges certificateExpiryGauges(FederationTrust trust, Directory directory, Clock clock) {
        return new CertificateExpiryGauges(trust, directory.federation().participants(), clock);
    }

    @Bean
    AuditChainMonitor auditChainMonitor(JdbcAuditLog auditLog, FederationTrust trust, MeterRegistry registry) {
        AuditVerification verification = new AuditVerification(auditLog, List.of(trust.hubKey().certificate()));
        return new AuditChainMonitor(verification::verify, registry);
    }

    @Bean(destroyMethod = "close")
    ChainVerificationSchedule chainVerificationSchedule(AuditChainMonitor monitor, MetricsProperties properties) {
        return new ChainVerificationSchedule(monitor, properties.chainVerificationInterval());
    }
}
