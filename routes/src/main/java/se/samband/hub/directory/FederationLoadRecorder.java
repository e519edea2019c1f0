package se.samband.hub.directory;

import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the {@code federation_load} table: one row per federation file version the hub has run with, so
 * that a security officer can tell which participants and legal-basis table were in force at any time.
 * Plain SQL that runs unchanged on H2 and PostgreSQL.
 */
class FederationLoadRecorder {
    private static final Logger log = LoggerFactory.getLogger(FederationLoadRecorder.class);

    private final JdbcTemplate jdbc;

    FederationLoadRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the file unless this exact file (id, version, digest) is already recorded; true if a row was added. */
    boolean record(LoadedFederation loaded) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM federation_load"
                        + " WHERE federation_id = ? AND federation_version = ? AND file_sha256 = ?",
                Integer.class, loaded.id(), loaded.version(), loaded.sha256());
        if (known != null && known > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO federation_load (federation_id, federation_version, file_sha256,"
                            + " participant_count, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                    loaded.id(), loaded.version(), loaded.sha256(), loaded.participantCount(), loaded.source(),
                    loaded.loadedAt().atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            // Another hub instance recorded the same file between our query and our insert.
            return false;
        }
        warnOnEditWithoutNewVersion(loaded);
        return true;
    }

    private void warnOnEditWithoutNewVersion(LoadedFederation loaded) {
        Integer sameVersion = jdbc.queryForObject("SELECT COUNT(*) FROM federation_load"
                        + " WHERE federation_id = ? AND federation_version = ?",
                Integer.class, loaded.id(), loaded.version());
        if (sameVersion != null && sameVersion > 1) {
            log.warn("Federation {} version {} was loaded before with different content: give every edit a new "
                    + "version so that the record shows which rules were in force", loaded.id(), loaded.version());
        }
    }
}
