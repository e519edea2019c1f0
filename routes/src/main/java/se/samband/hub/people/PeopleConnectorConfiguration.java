package se.samband.hub.people;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.web.PeoplePort;
import se.samband.hub.web.WebConfiguration;

/** The people port's Tomcat connector, and the port it bound recorded in {@link PeoplePort}. */
@Configuration(proxyBeanMethods = false)
class PeopleConnectorConfiguration {

    @Bean
    PeopleConnector peopleConnector(PeoplePort port, ObjectProvider<SslBundles> bundles, ServerProperties server) {
        return new PeopleConnector(port, () -> bundles.getObject().getBundle(WebConfiguration.SSL_BUNDLE),
                server.getAddress());
    }

    @Bean
    ApplicationListener<ServletWebServerInitializedEvent> peoplePortBound(PeopleConnector connector) {
        return event -> connector.started();
    }
}
