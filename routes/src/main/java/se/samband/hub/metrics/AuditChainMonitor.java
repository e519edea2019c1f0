package se.samband.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.security.audit.ChainVerification;

/**
 * Verifies the audit chain (the same check as {@code samband audit verify}) and publishes the outcome: every run,
 * every failure, and whether the last run found the chain broken, so that an alert fires on tampering. The hub
 * runs it every {@code samband.metrics.chain-verification-interval}; anything else that verifies the chain (a
 * security officer's request) should go through {@link #verifyNow()} so that its finding is counted too.
 */
public final class AuditChainMonitor {
    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

    private final Supplier<ChainVerification> verification;
    private final Counter runs;
    private final Counter failures;
    /** -1 before the first run, then 0 (intact) or 1 (broken). */
    private final AtomicInteger broken = new AtomicInteger(-1);

    public AuditChainMonitor(Supplier<ChainVerification> verification, MeterRegistry registry) {
        this.verification = verification;
        this.runs = Counter.builder(MetricNames.AUDIT_CHAIN_VERIFICATIONS)
                .description("Audit chain verifications run by the hub").register(registry);
        this.failures = Counter.builder(MetricNames.AUDIT_CHAIN_FAILURES)
                .description("Audit chain verifications that found the chain broken").register(registry);
        Gauge.builder(MetricNames.AUDIT_CHAIN_BROKEN, broken, AtomicInteger::get)
                .description("1 if the last audit chain verification found it broken, 0 if intact, -1 before any")
                .register(registry);
    }

    /** Verifies the whole chain now and records the outcome; an exception (database down) counts as no run. */
    public synchronized ChainVerification verifyNow() {
        ChainVerification result = verification.get();
        runs.increment();
        if (result.ok()) {
            broken.set(0);
            log.debug("Audit chain intact: {} entries, {} checkpoints", result.entriesChecked(),
                    result.checkpointsChecked());
        } else {
            failures.increment();
            broken.set(1);
            log.error("Audit chain BROKEN at position {}: {}", result.firstBrokenPosition(), result.problem());
        }
        return result;
    }

    /** For the scheduler: a failing run is logged, never thrown (it would end the schedule). */
    void verifyQuietly() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            log.warn("Audit chain verification could not run: {}", e.toString());
        }
    }
}
