package se.samband.hub.held;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import se.samband.hub.receipt.HubReceipts;
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
                            HeldProperties properties) {
        // The hub's own escalations are small: default limits, as for its other receipts.
        return new HeldNotices(store, new DisclosureDecisions(consents, directory::federation, clock),
                directory::federation, new HubReceipts(trust, NoticeJson.strict(), clock), writer, connectionFactory,
                NoticeJson.strict(), clock, properties.batchSize());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService heldNoticeWorker(HeldNotices heldNotices, HeldProperties properties) {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "samband-held");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        worker.scheduleWithFixedDelay(heldNotices::sweep, interval, interval, TimeUnit.MILLISECONDS);
        return worker;
    }

    @Bean
    HeldReleaseTrigger heldReleaseTrigger(HeldNotices heldNotices, ScheduledExecutorService heldNoticeWorker) {
        return new HeldReleaseTrigger(heldNotices, heldNoticeWorker);
    }

    /**
     * Transacted consumer of the held queue: a row that cannot be written rolls the message back for redelivery
     * (and, after the broker's attempts, the DLQ). The notice id and recipient make the insert idempotent.
     */
    @Bean
    DefaultMessageListenerContainer heldQueueListener(ConnectionFactory connectionFactory, JdbcHeldStore store,
                                                      Clock clock, HeldProperties properties,
                                                      HeldReleaseTrigger trigger) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.setDestinationName(Endpoints.HUB_HELD);
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(1);
        container.setMessageListener(new HeldQueueListener(store, NoticeJson.strict(), clock, properties.window(),
                held -> trigger.release(new ConsentRegistryChanged(held.consentId(), held.subjects()))));
        return container;
    }

    /** Hands registry changes (and newly kept holds) to the worker thread, off the caller's thread. */
    static final class HeldReleaseTrigger {
        private final HeldNotices heldNotices;
        private final ScheduledExecutorService worker;

        HeldReleaseTrigger(HeldNotices heldNotices, ScheduledExecutorService worker) {
            this.heldNotices = heldNotices;
            this.worker = worker;
        }

        @EventListener
        void release(ConsentRegistryChanged change) {
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
    }
}
