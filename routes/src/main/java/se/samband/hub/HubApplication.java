package se.samband.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Samband hub: embedded Artemis, the database, the directory and (with later issues) the Camel
 * pipeline. Started by {@code samband hub}; Spring Boot's Artemis auto-configuration is excluded because
 * the broker is configured in code ({@code se.samband.hub.broker}).
 */
@SpringBootApplication(exclude = ArtemisAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HubApplication {

    /** For IDEs; the launcher goes through {@link SambandMain} ({@code samband hub}). */
    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
