package se.samband.hub.riskflag;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.consent.ConsentChanges;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.system.BackgroundThreads;

/** Wires the risk-flag API and the periodic record of flags that ran out. */
@Configuration(proxyBeanMethods = false)
class RiskFlagConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RiskFlagConfiguration.class);

    @Bean
    RiskFlags riskFlags(JdbcTemplate jdbc, TransactionTemplate transactions, Directory directory,
                        ConsentChanges changes, ApplicationEventPublisher events, DispatchWriter writer,
                        ConnectionFactory connectionFactory, Clock clock, RiskFlagProperties properties) {
        return new RiskFlags(new JdbcRiskFlags(jdbc), transactions, directory::federation, changes, events, writer,
                connectionFactory, clock, properties.maxPeriod());
    }

    @Bean
    RiskFlagController riskFlagController(RiskFlags riskFlags) {
        return new RiskFlagController(riskFlags);
    }

    @Bean
    RiskFlagEndWorker riskFlagEndWorker(RiskFlags riskFlags, RiskFlagProperties properties) {
        return new RiskFlagEndWorker(riskFlags, properties.endCheckInterval());
    }

    /** One thread that records ended flags every interval. Stopped with the context. */
    static final class RiskFlagEndWorker implements DisposableBean {
        private final ScheduledExecutorService worker;

        RiskFlagEndWorker(RiskFlags riskFlags, Duration interval) {
            this.worker = BackgroundThreads.singleThreadScheduler("samband-risk-flags");
            long millis = interval.toMillis();
            worker.scheduleWithFixedDelay(() -> {
                try {
                    riskFlags.recordEnded();
                } catch (RuntimeException e) {
                    // A scheduled task that throws would never run again.
                    log.warn("recording ended risk flags failed ({}); trying again", e.getClass().getSimpleName());
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void destroy() {
            worker.shutdownNow();
        }
    }
}
