package se.samband.hub.riskflag;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Risk flags, prefix {@code samband.risk-flags}.
 *
 * @param maxPeriod        how far ahead a flag's end may lie when it is set (a longer danger is flagged again)
 * @param endCheckInterval how often the hub records flags that ran out ({@code RISK_FLAG_CLEARED}, reason
 *                         {@code EXPIRED}); their held notices are released by the held store's sweep
 */
@ConfigurationProperties(prefix = "samband.risk-flags")
public record RiskFlagProperties(
        @DefaultValue("366d") Duration maxPeriod,
        @DefaultValue("30s") Duration endCheckInterval) {
}
