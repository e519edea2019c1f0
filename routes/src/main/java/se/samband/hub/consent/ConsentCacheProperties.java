package se.samband.hub.consent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consent cache, prefix {@code samband.consent.cache}.
 *
 * @param maxSubjects how many subjects' records are kept; at ~1 KiB each, 100,000 take about 100 MiB at most
 * @param timeToLive  a backstop only: changes are announced on {@code samband.hub.consent-changes} and take effect
 *                    at once; this bounds how long a missed announcement (broker reconnect) can leave old records
 */
@ConfigurationProperties(prefix = "samband.consent.cache")
public record ConsentCacheProperties(
        @DefaultValue("100000") long maxSubjects,
        @DefaultValue("60s") Duration timeToLive) {
}
