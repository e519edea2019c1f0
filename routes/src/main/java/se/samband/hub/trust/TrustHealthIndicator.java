package se.samband.hub.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import se.samband.security.pki.Pem;

/**
 * Health component {@code trust}: whether the hub can still check certificates and be trusted itself.
 * DOWN when a CRL in {@code ca/} is past its nextUpdate (every login and signature check fails with
 * {@code crl_unavailable} then), when there is no CRL at all, or when the hub's certificate has expired;
 * OUT_OF_SERVICE when the hub's certificate expires within {@code samband.health.trust.hub-certificate-min-validity}
 * (renew it now); else UP. Details are file names, dates and day counts: no certificate subject, no personal data.
 */
public final class TrustHealthIndicator extends AbstractHealthIndicator {
    private final Path caDir;
    private final Supplier<X509Certificate> hubCertificate;
    private final Clock clock;
    private final Duration minValidity;

    public TrustHealthIndicator(Path pkiDir, Supplier<X509Certificate> hubCertificate, Clock clock,
                                Duration minValidity) {
        super("Trust health check failed");
        this.caDir = pkiDir.resolve("ca");
        this.hubCertificate = hubCertificate;
        this.clock = clock;
        this.minValidity = minValidity;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        List<Map<String, Object>> crls = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Path file : crlFiles()) {
            X509CRL crl = Pem.readCrl(file);
            Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("file", file.getFileName().toString());
            detail.put("thisUpdate", crl.getThisUpdate().toInstant().toString());
            detail.put("nextUpdate", nextUpdate == null ? "none" : nextUpdate.toString());
            crls.add(detail);
            if (nextUpdate == null || !nextUpdate.isAfter(now)) {
                stale.add(file.getFileName().toString());
            }
        }
        Instant hubNotAfter = hubCertificate.get().getNotAfter().toInstant();
        long hubDaysLeft = Duration.between(now, hubNotAfter).toDays();
        builder.withDetail("crls", crls)
                .withDetail("hubCertificateNotAfter", hubNotAfter.toString())
                .withDetail("hubCertificateDaysLeft", hubDaysLeft)
                .withDetail("hubCertificateMinDays", minValidity.toDays());
        if (crls.isEmpty()) {
            builder.down().withDetail("reason", "no CRL in the PKI directory: revocation cannot be checked");
        } else if (!stale.isEmpty()) {
            builder.down().withDetail("reason", "CRL past its nextUpdate: " + String.join(", ", stale));
        } else if (!hubNotAfter.isAfter(now)) {
            builder.down().withDetail("reason", "the hub certificate has expired");
        } else if (hubNotAfter.isBefore(now.plus(minValidity))) {
            builder.outOfService().withDetail("reason", "the hub certificate expires within "
                    + minValidity.toDays() + " days");
        } else {
            builder.up();
        }
    }

    private List<Path> crlFiles() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(caDir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(caDir, "*.crl")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the CRLs", e);
        }
        files.sort(null);
        return files;
    }
}
