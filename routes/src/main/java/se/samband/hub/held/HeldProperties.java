package se.samband.hub.held;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The held store, prefix {@code samband.held}.
 *
 * @param window        how long a notice stays held before it expires and the sender is told (HOLD_EXPIRED)
 * @param sweepInterval how often held notices are decided again and due holds expired; registering a consent
 *                      releases its notices at once, the sweep heals a release lost to a crash
 * @param batchSize     at most this many held notices per sweep step
 */
@ConfigurationProperties(prefix = "samband.held")
public record HeldProperties(
        @DefaultValue("14d") Duration window,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500") int batchSize) {
}
