package se.samband.hub.directory;

import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.system.HubProperties;
import se.samband.security.federation.FederationLoader;

/** Wires the directory: load the federation first, record it once the database is migrated. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    Directory directory(HubProperties properties, Clock clock) {
        Directory directory = new Directory(properties.federation().location(), new FederationLoader(), clock);
        directory.load();
        return directory;
    }

    @Bean
    FederationLoadRecorder federationLoadRecorder(JdbcTemplate jdbc) {
        return new FederationLoadRecorder(jdbc);
    }

    /** Runs after every singleton exists, so Flyway has migrated the database by then. */
    @Bean
    SmartInitializingSingleton recordStartupFederation(Directory directory, FederationLoadRecorder recorder) {
        return () -> directory.current().ifPresent(recorder::record);
    }

    @Bean
    DirectoryHealthIndicator directoryHealthIndicator(Directory directory) {
        return new DirectoryHealthIndicator(directory);
    }
}
