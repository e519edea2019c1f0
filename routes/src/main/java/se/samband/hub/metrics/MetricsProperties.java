package se.samband.hub.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's metrics, prefix {@code samband.metrics}.
 *
 * @param storeCountsMaxAge          how old the cached counts of overdue handovers and held notices may be before a
 *                                   scrape counts again in the database
 * @param chainVerificationInterval  how often the hub verifies the audit chain for the alerting metrics; 0 = never
 *                                   (the whole chain is read: on a large trail choose hours, not minutes)
 */
@ConfigurationProperties(prefix = "samband.metrics")
public record MetricsProperties(
        @DefaultValue("30s") Duration storeCountsMaxAge,
        @DefaultValue("1h") Duration chainVerificationInterval) {
}
