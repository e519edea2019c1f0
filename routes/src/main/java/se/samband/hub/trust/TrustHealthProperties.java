package se.samband.hub.trust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code trust} health component, prefix {@code samband.health.trust}.
 *
 * @param hubCertificateMinValidity the hub's certificate must stay valid at least this long, else the component is
 *                                  OUT_OF_SERVICE (the alert rules warn about every certificate earlier, at 60 days)
 */
@ConfigurationProperties(prefix = "samband.health.trust")
public record TrustHealthProperties(@DefaultValue("14d") Duration hubCertificateMinValidity) {
}
