package se.samband.hub.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit writer's settings, prefix {@code samband.audit}.
 *
 * @param batchSize          most messages (one event, or one plan's events) appended in one database transaction
 *                           (and one JMS transaction)
 * @param batchWait          how long a batch waits for more messages after the first. Each database transaction
 *                           rewrites every index page it touched (H2) or costs a sync (PostgreSQL), so under load
 *                           the wait decides the writer's cost: at saturation 5 ms gave 20-30 events per
 *                           transaction, 100 ms 85-190 and the hub about 20 % less CPU per notice
 *                           (bench/RESULTS.md).
 *                           It is also how much later a quiet hub's handover state shows a dispatch; nothing on
 *                           a notice's way to its recipient waits for it
 * @param checkpointEntries  sign a checkpoint after this many entries ...
 * @param checkpointInterval ... or after this long, whichever comes first (only when there are new entries)
 */
@ConfigurationProperties(prefix = "samband.audit")
public record AuditProperties(
        @DefaultValue("200") int batchSize,
        @DefaultValue("100ms") Duration batchWait,
        @DefaultValue("1000") int checkpointEntries,
        @DefaultValue("60s") Duration checkpointInterval) {

    public AuditProperties {
        if (batchSize < 1 || checkpointEntries < 1 || batchWait.isNegative() || checkpointInterval.isNegative()
                || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("samband.audit: batch-size and checkpoint-entries must be >= 1, "
                    + "batch-wait >= 0 and checkpoint-interval > 0");
        }
    }

    /** The defaults, for code that runs without Spring (tests, tools). */
    public static AuditProperties defaults() {
        return new AuditProperties(200, Duration.ofMillis(100), 1000, Duration.ofSeconds(60));
    }
}
