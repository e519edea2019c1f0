package se.samband.hub.consent;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import se.samband.hub.system.Endpoints;

/**
 * Wires the registry: the read side (database store, the cache in front of it, the change topic) and the write side
 * with its API ({@code /api/v1/consents}).
 */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    JdbcConsentStore jdbcConsentStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcConsentStore(jdbc);
    }

    @Bean
    ConsentRegistry consentRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, JdbcConsentStore store,
                                    Directory directory, ConsentChanges changes, ApplicationEventPublisher events,
                                    DispatchWriter writer, ConnectionFactory connectionFactory, Clock clock) {
        return new ConsentRegistry(jdbc, transactions, store, directory::federation, changes, events, writer,
                connectionFactory, clock);
    }

    @Bean
    ConsentController consentController(ConsentRegistry registry) {
        return new ConsentController(registry);
    }

    /** What the pipeline reads: the cache. */
    @Bean
    @Primary
    CachingConsentStore consentStore(JdbcConsentStore jdbcConsentStore, ConsentCacheProperties properties) {
        return new CachingConsentStore(jdbcConsentStore, properties.maxSubjects(), properties.timeToLive());
    }

    @Bean
    ConsentChanges consentChanges(CachingConsentStore consentStore, ConnectionFactory connectionFactory) {
        JmsTemplate topic = new JmsTemplate(connectionFactory);
        topic.setPubSubDomain(true);
        return new ConsentChanges(consentStore, topic);
    }

    /**
     * A non-durable subscription per hub instance: each instance must hear every change, and changes made while
     * an instance was away do not matter to it (its cache started empty or expires by the time to live).
     */
    @Bean
    DefaultMessageListenerContainer consentChangeListener(ConnectionFactory connectionFactory,
                                                          ConsentChanges consentChanges) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.setDestinationName(Endpoints.HUB_CONSENT_CHANGES);
        container.setPubSubDomain(true);
        container.setSubscriptionDurable(false);
        container.setConcurrentConsumers(1);
        container.setMessageListener(consentChanges);
        return container;
    }
}
