package se.samband.hub.held;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.consent.ConsentRegistryChanged;
import se.samband.hub.consent.ConsentStore;
import se.samband.hub.decision.DisclosureDecisions;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.intake.PipelineProperties;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.system.BackgroundThreads;
import se.samband.hub.system.Endpoints;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeJson;

/**
 * Wires the held store: the consumer of {@code samband.hub.held}, the release on registry changes and the periodic
 * sweep. One thread does every release and sweep, so that a release and a sweep never race inside one instance.
 */
@Configuration(proxyBeanMethods = false)
class HeldConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HeldConfiguration.class);

    @Bean
    JdbcHeldStore jdbcHeldStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcHeldStore(jdbc, transactions);
    }

    @Bean
    HeldNotices heldNotices(JdbcHeldStore store, ConsentStore consents, Directory directory, FederationTrust trust,
                            DispatchWriter writer, ConnectionFactory connectionFactory, Clock clock,
                            HeldProperties properties, PipelineProperties limits) {
        // Held containers are agencies' notices (their limits); the hub's own escalations are small (defaults).
        return new HeldNotices(store, new DisclosureDecisions(consents, directory::federation, clock),
                directory::federation, new HubReceipts(trust, NoticeJson.strict(), clock), writer, connectionFactory,
                NoticeJson.strict(limits.noticeLimits()), clock, properties.batchSize());
    }

    @Bean
    HeldWorker heldWorker(HeldNotices heldNotices, HeldProperties properties) {
        return new HeldWorker(heldNotices, properties.sweepInterval());
    }

    /**
     * Transacted consumer of the held queue: a row that cannot be written rolls the message back for redelivery
     * (and, after the broker's attempts, the DLQ). The notice id and recipient make the insert idempotent.
     */
    @Bean
    DefaultMessageListenerContainer heldQueueListener(ConnectionFactory connectionFactory, JdbcHeldStore store,
                                                      Clock clock, HeldProperties properties,
                                                      PipelineProperties limits, HeldWorker worker) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.setDestinationName(Endpoints.HUB_HELD);
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(1);
        container.setMessageListener(new HeldQueueListener(store, NoticeJson.strict(limits.noticeLimits()), clock,
                properties.window(),
                held -> worker.release(new ConsentRegistryChanged(held.consentId(), held.subjects()))));
        return container;
    }

    /**
     * The one thread that releases and sweeps: registry changes (and newly kept holds) are handed to it off the
     * caller's thread, and the sweep runs on it every interval. Stopped with the context.
     */
    static final class HeldWorker implements DisposableBean {
        private final HeldNotices heldNotices;
        private final ScheduledExecutorService worker;

        HeldWorker(HeldNotices heldNotices, Duration sweepInterval) {
            this.heldNotices = heldNotices;
            this.worker = BackgroundThreads.singleThreadScheduler("samband-held");
            long interval = sweepInterval.toMillis();
            worker.scheduleWithFixedDelay(heldNotices::sweep, interval, interval, TimeUnit.MILLISECONDS);
        }

        @EventListener
        public void release(ConsentRegistryChanged change) {
            worker.execute(() -> {
                try {
                    int released = heldNotices.release(change.subjectPseudonyms(), change.consentId());
                    log.debug("{} released {} held notices", change, released);
                } catch (RuntimeException e) {
                    log.warn("release after {} failed ({}); the sweep retries", change,
                            e.getClass().getSimpleName());
                }
            });
        }

        @Override
        public void destroy() {
            worker.shutdownNow();
        }
    }
}
