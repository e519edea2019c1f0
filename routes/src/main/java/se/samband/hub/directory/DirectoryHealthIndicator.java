package se.samband.hub.directory;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Health component {@code directory}: which federation is in force; DOWN while none is loaded. */
class DirectoryHealthIndicator extends AbstractHealthIndicator {
    private final Directory directory;

    DirectoryHealthIndicator(Directory directory) {
        super("Directory health check failed");
        this.directory = directory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        directory.current().ifPresentOrElse(
                loaded -> builder.up()
                        .withDetail("federationId", loaded.id())
                        .withDetail("version", loaded.version())
                        .withDetail("participants", loaded.participantCount())
                        .withDetail("sha256", loaded.sha256())
                        .withDetail("loadedAt", loaded.loadedAt().toString()),
                () -> builder.down().withDetail("reason", "no federation loaded"));
    }
}
