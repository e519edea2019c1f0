package se.samband.hub.officer;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.audit.AuditVerification;
import se.samband.hub.audit.JdbcAuditLog;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.system.HubProperties;
import se.samband.hub.trust.FederationTrust;

/** Wires the security officer API: its plain classes on the hub's database, broker and PKI. */
@Configuration(proxyBeanMethods = false)
class OfficerConfiguration {

    @Bean
    OfficerAudit officerAudit(ConnectionFactory connectionFactory, DispatchWriter writer) {
        return new JmsOfficerAudit(connectionFactory, writer);
    }

    @Bean
    PseudonymLookup pseudonymLookup(OfficerProperties properties, HubProperties hub, OfficerAudit audit,
                                    Clock clock) {
        return new PseudonymLookup(HubPseudonymKey.load(properties, hub.pkiDir(), hub.pki().devInit()), audit, clock);
    }

    @Bean
    JdbcDisclosures jdbcDisclosures(NamedParameterJdbcTemplate jdbc) {
        return new JdbcDisclosures(jdbc);
    }

    @Bean
    ReviewQueue reviewQueue(JdbcDisclosures disclosures, JdbcTemplate jdbc, TransactionTemplate transactions,
                            OfficerAudit audit, Clock clock) {
        return new ReviewQueue(disclosures, jdbc, transactions, audit, clock);
    }

    /** Checkpoints are trusted only if the hub's own certificate signed them (as {@code samband audit verify}). */
    @Bean
    ChainCheck chainCheck(JdbcAuditLog log, FederationTrust trust, JdbcTemplate jdbc, OfficerAudit audit,
                          Clock clock) {
        return new ChainCheck(new AuditVerification(log, List.of(trust.hubKey().certificate())), jdbc, audit, clock);
    }

    @Bean
    AuditExport auditExport(DataSource dataSource) {
        return new AuditExport(dataSource);
    }

    @Bean
    SecurityOfficerController securityOfficerController(PseudonymLookup pseudonyms, JdbcDisclosures disclosures,
                                                        ReviewQueue reviews, ChainCheck chain, AuditExport export,
                                                        OfficerAudit audit, OfficerProperties properties,
                                                        Clock clock) {
        return new SecurityOfficerController(pseudonyms, disclosures, reviews, chain, export, audit, properties,
                clock);
    }
}
