package se.samband.connector.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Binds {@code samband.connector.*} as the connector does: {@code connector.yml}, then the agency profile's
 * {@code connector-<profile>.yml}, then an optional operator file over both. Plain Spring binding, no context.
 */
public final class ProfileProperties {
    private ProfileProperties() {
    }

    public static ConnectorProperties bind(String profile, Path operatorFile) {
        StandardEnvironment environment = new StandardEnvironment();
        // later files take precedence: each goes first
        load(new ClassPathResource("connector.yml")).forEach(s -> environment.getPropertySources().addFirst(s));
        if (profile != null) {
            load(new ClassPathResource("connector-" + profile + ".yml"))
                    .forEach(s -> environment.getPropertySources().addFirst(s));
        }
        if (operatorFile != null) {
            load(new FileSystemResource(operatorFile)).forEach(s -> environment.getPropertySources().addFirst(s));
        }
        return Binder.get(environment).bindOrCreate("samband.connector", ConnectorProperties.class);
    }

    public static ConnectorProperties bind(String profile) {
        return bind(profile, null);
    }

    /** A property of an operator file, e.g. its {@code spring.profiles.active}. */
    public static String property(Path file, String name) {
        StandardEnvironment environment = new StandardEnvironment();
        load(new FileSystemResource(file)).forEach(s -> environment.getPropertySources().addFirst(s));
        return environment.getProperty(name);
    }

    private static List<PropertySource<?>> load(Resource resource) {
        try {
            if (!resource.exists()) {
                throw new IllegalStateException(resource + " does not exist");
            }
            return new YamlPropertySourceLoader().load(resource.getDescription(), resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }
}
