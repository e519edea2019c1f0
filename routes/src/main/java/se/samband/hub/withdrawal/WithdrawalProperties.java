package se.samband.hub.withdrawal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The withdrawal fan-out, prefix {@code samband.withdrawal}.
 *
 * @param followUpWindow   how long after a withdrawal the hub keeps looking for earlier recipients it has not told
 *                         yet: the audit trail, from which the recipients are read, lags the broker by moments, and
 *                         a notice decided just before the withdrawal may reach the trail after it
 * @param followUpInterval how often it looks
 */
@ConfigurationProperties(prefix = "samband.withdrawal")
public record WithdrawalProperties(
        @DefaultValue("1h") Duration followUpWindow,
        @DefaultValue("30s") Duration followUpInterval) {
}
