package se.samband.hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Participant;

/**
 * Days until each participant's certificate (the hub's included) expires, fractional, negative once expired; from
 * the certificates the hub already holds in memory. A participant without a certificate file has no gauge.
 */
public final class CertificateExpiryGauges implements MeterBinder {
    private final FederationTrust trust;
    private final List<Participant> participants;
    private final Clock clock;

    public CertificateExpiryGauges(FederationTrust trust, List<Participant> participants, Clock clock) {
        this.trust = trust;
        this.participants = List.copyOf(participants);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Participant participant : participants) {
            if (certificate(participant).isEmpty()) {
                continue;
            }
            Gauge.builder(MetricNames.CERTIFICATE_EXPIRY_DAYS, this, gauges -> gauges.daysLeft(participant))
                    .description("Days until the participant's certificate expires")
                    .tag("participant", participant.id().value())
                    .tag("kind", participant.kind().name())
                    .register(registry);
        }
    }

    private double daysLeft(Participant participant) {
        return certificate(participant)
                .map(X509Certificate::getNotAfter)
                .map(notAfter -> Duration.between(clock.instant(), notAfter.toInstant()).toSeconds() / 86_400.0)
                .orElse(Double.NaN);
    }

    /** The hub's own certificate is the one it signs and serves TLS with. */
    private Optional<X509Certificate> certificate(Participant participant) {
        return ParticipantId.HUB.equals(participant.id()) ? Optional.of(trust.hubKey().certificate())
                : trust.certificateOf(participant.id());
    }
}
