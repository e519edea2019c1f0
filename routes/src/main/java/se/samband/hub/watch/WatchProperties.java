package se.samband.hub.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The respond-by watch, prefix {@code samband.watch}.
 *
 * @param recheckDelay how much later a check is made again when the handover is not yet recorded (the audit writer
 *                     lags the broker by its batch, normally milliseconds)
 * @param maxRechecks  how often at most; after that the watch escalates with state {@code UNKNOWN} rather than let
 *                     the case fall between
 */
@ConfigurationProperties(prefix = "samband.watch")
public record WatchProperties(@DefaultValue("30s") Duration recheckDelay, @DefaultValue("10") int maxRechecks) {
}
