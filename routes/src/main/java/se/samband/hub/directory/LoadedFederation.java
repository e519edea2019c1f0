package se.samband.hub.directory;

import java.time.Instant;
import se.samband.security.federation.Federation;

/**
 * A federation file the directory has loaded, with what identifies that exact file.
 *
 * @param federation the validated content
 * @param source     where it came from, e.g. {@code classpath:samband/demo/federation.yaml}
 * @param sha256     lower-case hex SHA-256 of the file's bytes, so that an edit without a new version shows
 * @param loadedAt   when the hub loaded it
 */
public record LoadedFederation(Federation federation, String source, String sha256, Instant loadedAt) {

    public String id() {
        return federation.info().id();
    }

    public String version() {
        return federation.info().version();
    }

    public int participantCount() {
        return federation.participants().size();
    }
}
