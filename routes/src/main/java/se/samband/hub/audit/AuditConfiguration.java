package se.samband.hub.audit;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.handover.HandoverProjection;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.JdbcHandoverStore;
import se.samband.hub.trust.FederationTrust;
import se.samband.security.audit.CheckpointSigner;

/** The audit writer, the audit log reader and the handover store on the hub's database. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * The trust material comes from the transport's FederationTrust. ObjectProvider resolves it whatever the
     * order of configuration classes; without one the writer refuses to start and says so (see AuditWriter).
     */
    @Bean
    AuditWriter auditWriter(ConnectionFactory connectionFactory, DataSource dataSource,
                            ObjectProvider<FederationTrust> trust, Clock clock, AuditProperties properties) {
        FederationTrust federationTrust = trust.getIfAvailable();
        CheckpointSigner signer = federationTrust == null ? null
                : new CheckpointSigner(federationTrust.hubKey(), clock);
        return new AuditWriter(connectionFactory, dataSource, signer, new HandoverProjection(), clock, properties);
    }

    @Bean
    JdbcAuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(dataSource);
    }

    @Bean
    HandoverStore handoverStore(DataSource dataSource) {
        return new JdbcHandoverStore(dataSource);
    }
}
