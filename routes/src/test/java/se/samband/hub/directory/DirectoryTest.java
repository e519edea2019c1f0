package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import se.samband.hub.TestSupport;
import se.samband.security.federation.FederationLoader;

class DirectoryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void loadsTheDemoFederationAndIdentifiesTheExactFile() {
        Directory directory = new Directory(new ClassPathResource("samband/demo/federation.yaml"),
                new FederationLoader(), clock);

        LoadedFederation loaded = directory.load();

        assertThat(loaded.id()).isEqualTo(TestSupport.demoFederation().info().id());
        assertThat(loaded.participantCount()).isEqualTo(TestSupport.demoFederation().participants().size());
        assertThat(loaded.sha256()).isEqualTo(TestSupport.sha256Hex(TestSupport.demoFederationBytes()));
        assertThat(loaded.source()).isEqualTo("classpath:samband/demo/federation.yaml");
        assertThat(loaded.loadedAt()).isEqualTo(NOW);
        assertThat(directory.current()).contains(loaded);
    }

    @Test
    void healthIsDownUntilAFederationIsLoaded() {
        Directory directory = new Directory(new ClassPathResource("samband/demo/federation.yaml"),
                new FederationLoader(), clock);
        DirectoryHealthIndicator health = new DirectoryHealthIndicator(directory);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        directory.load();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("federationId", "samband-demo");
    }

    @Test
    void refusesAFileLargerThanTheBoundWithoutParsingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("federation.yaml");
        Files.write(huge, new byte[Directory.MAX_FILE_BYTES + 1]);
        Directory directory = new Directory(new FileSystemResource(huge), new FederationLoader(), clock);

        assertThatThrownBy(directory::load)
                .isInstanceOfSatisfying(InvalidFederationException.class, e -> {
                    assertThat(e.source()).isEqualTo(huge.toAbsolutePath().toString());
                    assertThat(e.problems()).containsExactly("is larger than " + Directory.MAX_FILE_BYTES + " bytes");
                });
        assertThat(directory.current()).isEmpty();
    }

    @Test
    void failedLoadKeepsNoFederation(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("federation.yaml");
        Files.writeString(broken, "federation: { id: x }\n");
        Directory directory = new Directory(new FileSystemResource(broken), new FederationLoader(), clock);

        assertThatThrownBy(directory::load).isInstanceOfSatisfying(InvalidFederationException.class,
                e -> assertThat(e.problems()).contains("federation.name: missing", "federation.version: missing"));
        assertThat(directory.current()).isEmpty();
    }
}
