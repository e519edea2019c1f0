package se.samband.hub.people;

import java.net.InetAddress;
import java.util.function.Supplier;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import se.samband.hub.web.PeoplePort;

/**
 * The second HTTPS connector of the hub's Tomcat: the people port. Same address and server certificate as the
 * agencies' port ({@code server.address}, SSL bundle {@code samband-hub}), but no client certificate is asked for:
 * people log in with a password (or bring a JWT). Tomcat binds it with the main connector; once it listens its port
 * is recorded in {@link PeoplePort}, which is how the filter chains tell people's requests from agencies'.
 */
final class PeopleConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final PeoplePort port;
    private final Supplier<SslBundle> bundle;
    private final InetAddress address;
    private volatile Connector connector;

    PeopleConnector(PeoplePort port, Supplier<SslBundle> bundle, InetAddress address) {
        this.port = port;
        this.bundle = bundle;
        this.address = address;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector people = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        people.setPort(port.configured());
        people.setScheme("https");
        people.setSecure(true);
        if (people.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol) {
            if (address != null) {
                protocol.setAddress(address);
            }
            configureTls(protocol, bundle.get());
        } else {
            throw new IllegalStateException("the people port needs Tomcat's HTTP/1.1 protocol");
        }
        this.connector = people;
        factory.addAdditionalTomcatConnectors(people);
    }

    /** Records the bound port; called when the web server has started. */
    void started() {
        Connector people = connector;
        if (people != null && people.getLocalPort() > 0) {
            port.bind(people.getLocalPort());
        }
    }

    /** As Spring Boot configures the main connector from a bundle, without the client-certificate part. */
    private static void configureTls(AbstractHttp11Protocol<?> protocol, SslBundle bundle) {
        protocol.setSSLEnabled(true);
        SSLHostConfig tls = new SSLHostConfig();
        tls.setHostName(protocol.getDefaultSSLHostConfigName());
        tls.setSslProtocol(bundle.getProtocol());
        tls.setCertificateVerification("none");
        SslStoreBundle stores = bundle.getStores();
        SslBundleKey key = bundle.getKey();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(stores.getKeyStore());
        certificate.setCertificateKeystorePassword(stores.getKeyStorePassword() != null
                ? stores.getKeyStorePassword() : "");
        if (key.getPassword() != null) {
            certificate.setCertificateKeyPassword(key.getPassword());
        }
        if (key.getAlias() != null) {
            certificate.setCertificateKeyAlias(key.getAlias());
        }
        tls.addCertificate(certificate);
        if (bundle.getOptions().getEnabledProtocols() != null) {
            // "+" on each: Tomcat warns about a list whose later entries have no +/- prefix.
            tls.setProtocols("+" + String.join(",+", bundle.getOptions().getEnabledProtocols()));
        }
        protocol.addSslHostConfig(tls, true);
    }
}
