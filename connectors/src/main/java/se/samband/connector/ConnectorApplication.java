package se.samband.connector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The agency connector: runs next to a case system, speaks plain JSON and CSV to it and sealed notices over TLS to
 * the hub. Its settings file is {@code connector.yml} (not {@code application.yml}), so that a connector and a hub
 * can share a working directory or a test class path without reading each other's settings.
 */
// The JMS connection to the hub is built in code (ConnectorConfiguration): TLS, client certificate, two factories.
@SpringBootApplication(exclude = {JmsAutoConfiguration.class, ArtemisAutoConfiguration.class})
@ConfigurationPropertiesScan
public class ConnectorApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts a connector; every argument is a Spring Boot setting such as {@code --samband.connector.data-dir=..}. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplicationBuilder(ConnectorApplication.class)
                .properties("spring.config.name=connector")
                .build();
        return application.run(args);
    }
}
