package se.samband.hub.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The respond-by watch, prefix {@code samband.watch}.
 *
 * @param pollInterval how often the watch looks for handovers whose respond-by time has passed: an escalation comes
 *                     at most this much after it (respond-by times are working days apart)
 * @param batchSize    how many due handovers one database read takes; a sweep reads again while whole batches
 *                     escalate
 * @param claimLease   how long a hub instance holds a handover it is escalating; if it dies meanwhile, another
 *                     sweep takes the handover after this (far longer than one escalation's transaction)
 */
@ConfigurationProperties(prefix = "samband.watch")
public record WatchProperties(@DefaultValue("30s") Duration pollInterval, @DefaultValue("200") int batchSize,
                              @DefaultValue("5m") Duration claimLease) {
    public WatchProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("samband.watch.poll-interval must be positive, not " + pollInterval);
        }
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("samband.watch.claim-lease must be positive, not " + claimLease);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("samband.watch.batch-size must be at least 1, not " + batchSize);
        }
    }
}
