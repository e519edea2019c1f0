package se.samband.connector.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.connector.core.NoticeComposer;
import se.samband.connector.file.ReleaseListRoute;
import se.samband.connector.file.ReleaseLists;
import se.samband.connector.hubclient.Directory;
import se.samband.connector.hubclient.HubApi;
import se.samband.connector.inbound.CaseSystemDelivery;
import se.samband.connector.inbound.DeliveryRoute;
import se.samband.connector.inbound.InboundNotices;
import se.samband.connector.inbound.InboxAnswers;
import se.samband.connector.inbound.InboxItems;
import se.samband.connector.inbound.InboxRoute;
import se.samband.connector.inbound.InboxStore;
import se.samband.connector.local.AgencyRules;
import se.samband.connector.local.SubmissionRequests;
import se.samband.connector.outbound.NoticeSubmitter;
import se.samband.connector.outbound.OutboxRoute;
import se.samband.connector.outbound.OutboxStore;
import se.samband.connector.outbound.Receipts;
import se.samband.connector.status.NoticeStatusStore;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.NoticeOpener;
import se.samband.security.seal.NoticeSealer;

/** The connector's flows: outbox, inbox, delivery to the case system, the file drop, and what they share. */
@Configuration(proxyBeanMethods = false)
public class ConnectorBeans {
    private static final Logger log = LoggerFactory.getLogger(ConnectorBeans.class);

    /**
     * The agency profile's rules. Built once at start, after checking that the profile's kind is the participant's
     * kind: from {@code federation-file} when given, else from the hub's directory when the hub answers.
     */
    @Bean
    AgencyRules agencyRules(ConnectorProperties properties, ParticipantId self, Environment environment,
                            HubApi hubApi) {
        var profile = AgencyProfiles.activeProfile(java.util.List.of(environment.getActiveProfiles()),
                properties.kind());
        if (profile.isEmpty()) {
            log.info("no agency profile active: notice types and risk flags are checked by the hub only");
            return AgencyRules.unrestricted();
        }
        if (properties.federationFile() != null) {
            AgencyProfiles.requireKind(self, properties.kind(),
                    AgencyProfiles.kindInFederation(properties.federationFile(), self), "federation file");
        } else {
            var kind = AgencyProfiles.kindInDirectory(hubApi, self);
            if (kind.isPresent()) {
                AgencyProfiles.requireKind(self, properties.kind(), kind.get(), "hub directory");
            } else {
                log.warn("agency profile '{}': the hub could not be asked for the participant's kind; it refuses "
                        + "whatever this kind may not send", profile.get());
            }
        }
        log.info("agency profile '{}' ({})", profile.get(), properties.kind());
        return new AgencyRules(properties.kind(), properties.rules());
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    HubApi hubApi(ConnectorProperties properties) {
        return new HubApi(properties.hub().apiUrl(), TlsMaterial.sslContext(properties.keyStore(),
                properties.trustStore(), properties.pki().password().toCharArray()));
    }

    @Bean
    Directory directory(HubApi hubApi, JdbcTemplate jdbc, CertificateValidator validator, Clock clock) {
        return new Directory(hubApi, jdbc, validator, clock);
    }

    @Bean
    NoticeStatusStore noticeStatusStore(JdbcTemplate jdbc, Clock clock) {
        return new NoticeStatusStore(jdbc, clock);
    }

    @Bean
    OutboxStore outboxStore(JdbcTemplate jdbc, Clock clock, ConnectorProperties properties) {
        return new OutboxStore(jdbc, clock, properties.outbox().firstRetry(), properties.outbox().maxRetry());
    }

    @Bean
    InboxStore inboxStore(JdbcTemplate jdbc, Clock clock) {
        return new InboxStore(jdbc, clock);
    }

    @Bean
    SubmissionRequests submissionRequests(Clock clock) {
        return new SubmissionRequests(clock);
    }

    @Bean
    NoticeSubmitter noticeSubmitter(Directory directory, NoticeComposer composer, OutboxStore outbox,
                                    NoticeStatusStore status, TransactionTemplate transaction, NoticeJson json) {
        return new NoticeSubmitter(directory, composer, outbox, status, transaction, json);
    }

    @Bean
    Receipts receipts(ParticipantId self, NoticeSealer sealer, NoticeJson json, Clock clock) {
        return new Receipts(self, sealer, json, clock);
    }

    @Bean
    InboxItems inboxItems(NoticeOpener opener, PrivateKeyAccess ownKey, NoticeJson json) {
        return new InboxItems(opener, ownKey, json);
    }

    @Bean
    InboundNotices inboundNotices(ParticipantId self, InboxItems items, CertificateValidator validator,
                                  InboxStore inbox, NoticeStatusStore status, OutboxStore outbox, Receipts receipts,
                                  TransactionTemplate transaction) {
        return new InboundNotices(self, items, validator, inbox, status, outbox, receipts, transaction);
    }

    @Bean
    InboxAnswers inboxAnswers(InboxStore inbox, InboxItems items, InboundNotices inbound,
                              TransactionTemplate transaction) {
        return new InboxAnswers(inbox, items, inbound, transaction);
    }

    @Bean
    OutboxRoute outboxRoute(OutboxStore outbox, NoticeStatusStore status, ConnectorProperties properties) {
        return new OutboxRoute(outbox, status, properties.outbox().pollInterval().toMillis(),
                properties.outbox().batchSize());
    }

    @Bean
    InboxRoute inboxRoute(ParticipantId self, InboundNotices inbound) {
        return new InboxRoute(self, inbound);
    }

    @Bean
    @ConditionalOnExpression("'${samband.connector.delivery.mode:PULL}' != 'PULL'")
    DeliveryRoute deliveryRoute(InboxStore inbox, InboxItems items, ConnectorProperties properties) {
        ConnectorProperties.Delivery delivery = properties.delivery();
        if (delivery.mode() == ConnectorProperties.DeliveryMode.WEBHOOK && delivery.webhookUrl() == null) {
            throw new IllegalStateException("samband.connector.delivery.webhook-url is required for WEBHOOK");
        }
        if (delivery.mode() == ConnectorProperties.DeliveryMode.FOLDER && delivery.folder() == null) {
            throw new IllegalStateException("samband.connector.delivery.folder is required for FOLDER");
        }
        return new DeliveryRoute(inbox, items, new CaseSystemDelivery(delivery), delivery);
    }

    @Bean
    @ConditionalOnProperty(name = "samband.connector.file-drop.enabled", havingValue = "true")
    ReleaseListRoute releaseListRoute(NoticeSubmitter submitter, ConnectorProperties properties, Clock clock) {
        if (properties.fileDrop().folder() == null) {
            throw new IllegalStateException("samband.connector.file-drop.folder is required when the file drop is on");
        }
        return new ReleaseListRoute(properties.fileDrop().folder(), properties.fileDrop().pollInterval().toMillis(),
                new ReleaseLists(submitter, properties.fileDropErrors(), clock));
    }
}
