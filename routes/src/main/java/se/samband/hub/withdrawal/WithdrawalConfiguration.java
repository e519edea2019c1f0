package se.samband.hub.withdrawal;

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
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.consent.ConsentWithdrawn;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.system.BackgroundThreads;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeJson;

/**
 * Wires the withdrawal fan-out: run on its own thread when a withdrawal has committed, and again every
 * follow-up interval for the consents withdrawn within the follow-up window.
 */
@Configuration(proxyBeanMethods = false)
class WithdrawalConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WithdrawalConfiguration.class);

    @Bean
    WithdrawalNotices withdrawalNotices(JdbcTemplate jdbc, FederationTrust trust, DispatchWriter writer,
                                        ConnectionFactory connectionFactory, Clock clock,
                                        WithdrawalProperties properties) {
        return new WithdrawalNotices(new JdbcWithdrawalRecords(jdbc), new HubReceipts(trust, NoticeJson.strict(),
                clock), writer, connectionFactory, clock, properties.followUpWindow());
    }

    @Bean
    WithdrawalWorker withdrawalWorker(WithdrawalNotices notices, WithdrawalProperties properties) {
        return new WithdrawalWorker(notices, properties.followUpInterval());
    }

    /** One thread for the fan-out and its follow-up, off the API's request thread. Stopped with the context. */
    static final class WithdrawalWorker implements DisposableBean {
        private final WithdrawalNotices notices;
        private final ScheduledExecutorService worker;

        WithdrawalWorker(WithdrawalNotices notices, Duration interval) {
            this.notices = notices;
            this.worker = BackgroundThreads.singleThreadScheduler("samband-withdrawal");
            long millis = interval.toMillis();
            worker.scheduleWithFixedDelay(this::followUp, millis, millis, TimeUnit.MILLISECONDS);
        }

        @EventListener
        public void withdrawn(ConsentWithdrawn withdrawn) {
            worker.execute(() -> notices.fanOutLogged(withdrawn.consentId()));
        }

        private void followUp() {
            try {
                notices.followUp();
            } catch (RuntimeException e) {
                // A scheduled task that throws would never run again.
                log.warn("withdrawal follow-up failed ({}); trying again", e.getClass().getSimpleName());
            }
        }

        @Override
        public void destroy() {
            worker.shutdownNow();
        }
    }
}
