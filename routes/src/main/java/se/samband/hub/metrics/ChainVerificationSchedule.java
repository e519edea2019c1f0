package se.samband.hub.metrics;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import se.samband.hub.system.BackgroundThreads;

/** Runs {@link AuditChainMonitor#verifyNow()} every interval on one daemon thread; stopped with the context. */
final class ChainVerificationSchedule implements AutoCloseable {
    /** The first run waits this long, or the interval if shorter: start-up has enough to do. */
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private final ScheduledExecutorService executor;

    ChainVerificationSchedule(AuditChainMonitor monitor, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            executor = null;
            return;
        }
        executor = BackgroundThreads.singleThreadScheduler("samband-chain-verification");
        long first = Math.min(FIRST_RUN.toMillis(), interval.toMillis());
        executor.scheduleWithFixedDelay(monitor::verifyQuietly, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
