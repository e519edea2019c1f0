package se.samband.hub.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationException;
import se.samband.security.federation.FederationLoader;

/**
 * The hub's view of the federation: who takes part, what they may send to whom. Loaded from
 * {@code samband.federation.location} at start-up; the hub does not start without a valid file.
 */
public class Directory {
    /** Bound on the file we read: a federation of every Swedish municipality and region is well below 1 MiB. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final Resource location;
    private final FederationLoader loader;
    private final Clock clock;
    private final AtomicReference<LoadedFederation> current = new AtomicReference<>();

    public Directory(Resource location, FederationLoader loader, Clock clock) {
        this.location = location;
        this.loader = loader;
        this.clock = clock;
    }

    /**
     * Reads and validates the federation file and makes it the current one.
     *
     * @throws InvalidFederationException naming the file and every problem in it
     */
    public LoadedFederation load() {
        String source = describe(location);
        byte[] bytes = read(source);
        Federation federation;
        try {
            federation = loader.load(new ByteArrayInputStream(bytes), source);
        } catch (FederationException e) {
            throw new InvalidFederationException(source, e.problems(), e);
        }
        LoadedFederation loaded = new LoadedFederation(federation, source, sha256(bytes), clock.instant());
        current.set(loaded);
        log.info("Loaded federation {} version {} with {} participants from {} (sha256 {})",
                loaded.id(), loaded.version(), loaded.participantCount(), source, loaded.sha256());
        return loaded;
    }

    /** The federation in force, empty until {@link #load()} has succeeded. */
    public Optional<LoadedFederation> current() {
        return Optional.ofNullable(current.get());
    }

    /** The federation in force; the hub never runs without one. */
    public Federation federation() {
        return current().orElseThrow(() -> new IllegalStateException("the federation is not loaded")).federation();
    }

    private byte[] read(String source) {
        if (!location.exists()) {
            throw new InvalidFederationException(source, List.of("does not exist"), null);
        }
        try (InputStream in = location.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InvalidFederationException(source,
                        List.of("is larger than " + MAX_FILE_BYTES + " bytes"), null);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidFederationException(source, List.of("cannot be read: " + e.getMessage()), e);
        }
    }

    private static String describe(Resource resource) {
        if (resource instanceof ClassPathResource classPath) {
            return "classpath:" + classPath.getPath();
        }
        if (resource.isFile()) {
            try {
                return resource.getFile().getAbsolutePath();
            } catch (IOException e) {
                return resource.getDescription();
            }
        }
        return resource.getDescription();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
