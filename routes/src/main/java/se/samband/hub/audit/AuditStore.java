package se.samband.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.ChainHead;
import se.samband.security.audit.Checkpoint;

/** The audit writer's statements, on a connection whose transaction the writer owns. */
final class AuditStore {
    private static final String SELECT_HEAD = "SELECT position, hash FROM audit_entry ORDER BY position DESC LIMIT 1";
    private static final String SELECT_LAST_CHECKPOINT = "SELECT position, signed_at FROM audit_checkpoint"
            + " ORDER BY position DESC, signed_at DESC LIMIT 1";

    private AuditStore() {
    }

    /** The last stored entry's position and hash, or GENESIS for an empty trail. */
    static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_HEAD);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? new ChainHead(row.getLong(1), AuditRows.unhex(row.getString(2))) : ChainHead.GENESIS;
        }
    }

    /** Position and time of the latest checkpoint, or null if none was written yet. */
    static LastCheckpoint lastCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_LAST_CHECKPOINT);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? new LastCheckpoint(row.getLong(1), AuditRows.instant(row, "signed_at")) : null;
        }
    }

    /** Which of these idempotency keys are stored already: one query per batch. */
    static Set<String> storedKeys(Connection connection, Collection<String> keys) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (keys.isEmpty()) {
            return stored;
        }
        String sql = "SELECT idempotency_key FROM audit_entry WHERE idempotency_key IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (String key : keys) {
                statement.setString(index++, key);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        return stored;
    }

    /** Inserts entries and their subjects as two JDBC batches. */
    static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        boolean anySubjects = false;
        try (PreparedStatement statement = connection.prepareStatement(AuditRows.INSERT_ENTRY)) {
            for (AuditEntry entry : entries) {
                AuditRows.bindEntry(statement, entry);
                statement.addBatch();
                anySubjects |= !entry.event().subjectPseudonyms().isEmpty();
            }
            statement.executeBatch();
        }
        if (!anySubjects) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(AuditRows.INSERT_SUBJECT)) {
            for (AuditEntry entry : entries) {
                List<String> subjects = entry.event().subjectPseudonyms();
                for (int ordinal = 0; ordinal < subjects.size(); ordinal++) {
                    statement.setLong(1, entry.position());
                    statement.setInt(2, ordinal);
                    statement.setString(3, subjects.get(ordinal));
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AuditRows.INSERT_CHECKPOINT)) {
            AuditRows.bindCheckpoint(statement, checkpoint);
            statement.executeUpdate();
        }
    }

    record LastCheckpoint(long position, Instant signedAt) {
    }
}
