package se.samband.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samband.hub.system.HubProperties;
import se.samband.hub.trust.ParticipantAuthenticator;
import se.samband.hub.trust.PkiFederationTrust;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/**
 * The HTTPS API: its TLS identity and client-certificate trust (SSL bundle {@value #SSL_BUNDLE}, used by
 * {@code server.ssl.bundle}, and by the people port), and participant authentication on {@code /api/*} of
 * {@code server.port}.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {
    /** The SSL bundle of the hub's server certificate (both HTTPS ports). */
    public static final String SSL_BUNDLE = "samband-hub";

    /**
     * Registers the bundle from the hub's PKI directory. Taking {@link PkiFederationTrust} as a parameter is what
     * orders start-up: Spring Boot's bundle registry collects every registrar when the embedded web server asks for
     * its bundle (early in the refresh), and creating this bean first opens the PKI, which bootstraps the dev PKI
     * in the embedded default. Key and trust store files are read only after that.
     */
    @Bean
    SslBundleRegistrar hubSslBundle(PkiFederationTrust federationTrust, HubProperties properties) {
        DevPki.Layout pki = federationTrust.layout();
        String password = properties.pki().password();
        return registry -> registry.registerBundle(SSL_BUNDLE, SslBundle.of(
                new JksSslStoreBundle(
                        new JksSslStoreDetails("PKCS12", null,
                                pki.participantKeyStore(ParticipantId.HUB).toUri().toString(), password),
                        new JksSslStoreDetails("PKCS12", null, pki.trustStore().toUri().toString(), password)),
                SslBundleKey.of(password, ParticipantId.HUB.value()),
                SslOptions.of(null, new String[] {"TLSv1.3", "TLSv1.2"})));
    }

    /** The people's HTTPS port; its connector and login live in {@code se.samband.hub.people}. */
    @Bean
    PeoplePort peoplePort(@Value("${samband.people.port:8444}") int port) {
        return new PeoplePort(port);
    }

    @Bean
    FilterRegistrationBean<ParticipantCertificateFilter> participantCertificateFilter(
            ParticipantAuthenticator authenticator, ObjectMapper json, PeoplePort peoplePort) {
        FilterRegistrationBean<ParticipantCertificateFilter> registration =
                new FilterRegistrationBean<>(new ParticipantCertificateFilter(authenticator, json, peoplePort));
        registration.setUrlPatterns(List.of("/api/*"));
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedParticipantResolver());
    }
}
