package se.samband.hub.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit writer's settings, prefix {@code samband.audit}.
 *
 * @param batchSize          most messages (one event, or one plan's events) received in one JMS transaction
 * @param transactionEvents  most events appended in one database transaction; a batch with more is appended in
 *                           several, each committed before the next (a redelivered batch skips what is stored).
 *                           Embedded H2 writes the changed pages out in the middle of a transaction once they pass
 *                           a fixed amount of memory, which made the writer's CPU per event half as much again from
 *                           about 350 events per transaction on (bench/RESULTS.md, "The audit writer's transactions
 *                           and H2's page writes")
 * @param batchWait          the longest a batch stays open after its first message. Each database transaction
 *                           rewrites every index page it touched (H2) or costs a sync (PostgreSQL), so under load
 *                           the batch size decides the writer's cost: at saturation a batch closed at 5 ms held
 *                           20-35 events, at 100 ms (with the 5 ms gap) 85-140, for about a fifth less hub CPU
 *                           per notice (bench/RESULTS.md)
 * @param batchGap           a batch closes earlier when no message came for this long: a quiet hub's handover state
 *                           (which receipts are routed by) follows a dispatch within milliseconds, while a busy
 *                           hub's messages never pause that long
 * @param checkpointEntries  sign a checkpoint after this many entries ...
 * @param checkpointInterval ... or after this long, whichever comes first (only when there are new entries)
 */
@ConfigurationProperties(prefix = "samband.audit")
public record AuditProperties(
        @DefaultValue("200") int batchSize,
        @DefaultValue("200") int transactionEvents,
        @DefaultValue("100ms") Duration batchWait,
        @DefaultValue("5ms") Duration batchGap,
        @DefaultValue("1000") int checkpointEntries,
        @DefaultValue("60s") Duration checkpointInterval) {

    public AuditProperties {
        if (batchSize < 1 || transactionEvents < 1 || checkpointEntries < 1 || batchWait.isNegative()
                || batchGap.isNegative() || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("samband.audit: batch-size, transaction-events and checkpoint-entries"
                    + " must be >= 1, batch-wait and batch-gap >= 0 and checkpoint-interval > 0");
        }
    }

    /** The defaults, for code that runs without Spring (tests, tools). */
    public static AuditProperties defaults() {
        return new AuditProperties(200, 200, Duration.ofMillis(100), Duration.ofMillis(5), 1000,
                Duration.ofSeconds(60));
    }
}
