package se.samband.connector.config;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.time.Clock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import se.samband.connector.core.NoticeComposer;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.security.identity.Pseudonymizer;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.pki.TrustAnchors;
import se.samband.security.seal.NoticeOpener;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.Sealing;

/** The connector's identity, keys, crypto and the JMS connection to the hub. */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    ParticipantId self(ConnectorProperties properties) {
        if (properties.participantId() == null || !ParticipantId.isValid(properties.participantId())) {
            throw new IllegalStateException("samband.connector.participant-id must name a participant, e.g. "
                    + "socialtjanst.bollnas");
        }
        return ParticipantId.of(properties.participantId());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NoticeJson noticeJson() {
        return NoticeJson.strict();
    }

    @Bean
    PrivateKeyAccess ownKey(ConnectorProperties properties, ParticipantId self) {
        if (!Files.isReadable(properties.keyStore())) {
            throw new IllegalStateException("key store " + properties.keyStore() + " is not readable");
        }
        return Pkcs12KeyStore.load(properties.keyStore(), properties.pki().password().toCharArray(), self.value());
    }

    @Bean
    NoticeSealer sealer(PrivateKeyAccess ownKey, NoticeJson json, Clock clock) {
        return Sealing.sealer(ownKey, json, clock);
    }

    @Bean
    NoticeOpener opener(NoticeJson json) {
        return Sealing.opener(json);
    }

    @Bean
    Pseudonymizer pseudonymizer(ConnectorProperties properties) {
        return PseudonymKey.load(properties);
    }

    @Bean
    NoticeComposer noticeComposer(ParticipantId self, Pseudonymizer pseudonymizer, NoticeSealer sealer, Clock clock) {
        return new NoticeComposer(self, pseudonymizer, sealer, clock);
    }

    @Bean
    CertificateValidator certificateValidator(ConnectorProperties properties, Clock clock) {
        return new CertificateValidator(TrustAnchors.load(properties.caDir()), clock);
    }

    /** The raw connection factory; the inbox listener holds its own connection and reconnects on its own. */
    @Bean
    ActiveMQConnectionFactory hubConnectionFactory(ConnectorProperties properties) {
        return new ActiveMQConnectionFactory(TlsMaterial.brokerUrl(properties.hub().broker(),
                properties.keyStore(), properties.trustStore(), properties.pki().password()));
    }

    /** Sends reuse one connection, dropped on any failure so that the next outbox attempt connects afresh. */
    @Bean
    CachingConnectionFactory hubSendConnectionFactory(ActiveMQConnectionFactory hubConnectionFactory) {
        CachingConnectionFactory caching = new CachingConnectionFactory(hubConnectionFactory);
        caching.setReconnectOnException(true);
        caching.setSessionCacheSize(4);
        return caching;
    }

    /** Component {@code hub}: the inbox consumer. */
    @Bean("hub")
    JmsComponent hubComponent(ActiveMQConnectionFactory hubConnectionFactory, ConnectorProperties properties) {
        JmsComponent component = JmsComponent.jmsComponent((ConnectionFactory) hubConnectionFactory);
        component.setRecoveryInterval(properties.hub().reconnectInterval().toMillis());
        return component;
    }

    /** Component {@code hubsend}: the outbox sender, persistent messages (the send returns when the broker has it). */
    @Bean("hubsend")
    JmsComponent hubSendComponent(CachingConnectionFactory hubSendConnectionFactory) {
        JmsComponent component = JmsComponent.jmsComponent((ConnectionFactory) hubSendConnectionFactory);
        component.setDeliveryPersistent(true);
        return component;
    }
}
