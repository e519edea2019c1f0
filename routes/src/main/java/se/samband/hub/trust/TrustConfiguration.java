package se.samband.hub.trust;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.directory.Directory;
import se.samband.hub.system.BackgroundThreads;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.PkiSettings;

/**
 * Opens the hub's PKI. Ordering matters: the broker's TLS acceptor and the web server's SSL bundle read the key and
 * trust stores from this directory, so both take {@link PkiFederationTrust} as a dependency (the broker bean directly,
 * the SSL bundle registrar in {@code se.samband.hub.web} too). The embedded Tomcat is created early in the context
 * refresh (onRefresh, before ordinary singletons), but it asks for the SSL bundles then, and the bundle registry asks
 * for every registrar bean: so the dev PKI is bootstrapped exactly when the first of them needs it, whichever comes
 * first, and no EnvironmentPostProcessor has to load the federation a second time outside the directory.
 */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TrustConfiguration.class);

    @Bean
    PkiFederationTrust federationTrust(HubProperties properties, Directory directory, Clock clock) {
        PkiSettings pki = properties.pki();
        return PkiFederationTrust.open(properties.pkiDir(), pki.password().toCharArray(), pki.devInit(),
                directory.federation(), clock);
    }

    @Bean
    ParticipantAuthenticator participantAuthenticator(PkiFederationTrust federationTrust, Directory directory) {
        return new ParticipantAuthenticator(federationTrust, directory);
    }

    /** Health component {@code trust}: CRL freshness and the hub certificate's remaining validity. */
    @Bean
    TrustHealthIndicator trustHealthIndicator(PkiFederationTrust federationTrust, Clock clock,
                                              TrustHealthProperties properties) {
        return new TrustHealthIndicator(federationTrust.layout().dir(), () -> federationTrust.hubKey().certificate(),
                clock, properties.hubCertificateMinValidity());
    }

    /** Takes in changed CRLs periodically; one daemon thread, stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService crlReloader(PkiFederationTrust federationTrust, HubProperties properties) {
        ScheduledExecutorService executor = BackgroundThreads.singleThreadScheduler("samband-crl-reload");
        long interval = properties.pki().crlReloadInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                federationTrust.reloadCrls();
            } catch (RuntimeException e) {
                // Keep the last good trust anchors and try again at the next tick; an unreadable CRL is an operator
                // matter, and the validator refuses certificates once the CRL in use is no longer current.
                log.warn("Could not reload the CRLs from {}: {}", properties.pkiDir(), e.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        return executor;
    }
}
