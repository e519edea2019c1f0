package se.samband.hub.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import se.samband.hub.audit.AuditTestBed;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;

/**
 * The {@code trust} health component over a real development PKI (CRL valid for 7 days, certificates for longer),
 * read at different moments: fresh, CRL past its nextUpdate, hub certificate close to expiry, no CRL at all.
 */
class TrustHealthIndicatorTest {
    private final DevPki.Layout pki = AuditTestBed.pki().layout();
    private final X509Certificate hub = AuditTestBed.hubKey().certificate();
    private final Instant crlNextUpdate = Pem.readCrl(pki.crl()).getNextUpdate().toInstant();

    @Test
    void upWhileTheCrlIsCurrentAndTheHubCertificateHasTime() {
        Health health = check(crlNextUpdate.minus(Duration.ofHours(1)), Duration.ofDays(14));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("crls", "hubCertificateNotAfter", "hubCertificateDaysLeft");
    }

    @Test
    void downOnceACrlIsPastItsNextUpdate() {
        Health health = check(crlNextUpdate.plusSeconds(1), Duration.ofDays(14));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString()).contains("nextUpdate")
                .contains(pki.crl().getFileName().toString());
    }

    @Test
    void outOfServiceWhenTheHubCertificateExpiresWithinTheMinimum() {
        Instant now = crlNextUpdate.minus(Duration.ofHours(1));
        Duration left = Duration.between(now, hub.getNotAfter().toInstant());

        Health health = check(now, left.plusDays(1));

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("reason").toString()).contains("hub certificate expires");
        assertThat(check(now, left.minusDays(1)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWithoutAnyCrl() {
        Health health = new TrustHealthIndicator(se.samband.hub.TestSupport.newDataDir("no-crl"), () -> hub,
                Clock.systemUTC(), Duration.ofDays(14)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString()).contains("no CRL");
    }

    private Health check(Instant now, Duration minValidity) {
        return new TrustHealthIndicator(pki.dir(), () -> hub, Clock.fixed(now, ZoneOffset.UTC), minValidity)
                .health();
    }
}
