package se.samband.hub.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import se.samband.security.audit.AuditChain;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.AuditEvent;

/**
 * Appends events to a migrated database's audit chain exactly as the writer stores them (same chain, same rows),
 * without a broker: for tests of what reads the trail back (the security officer's queries and export).
 */
public final class AuditAppender {
    private AuditAppender() {
    }

    /** Appends the events in one transaction; returns their positions. */
    public static List<Long> append(DataSource dataSource, AuditEvent... events) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<AuditEntry> entries = AuditChain.append(AuditStore.head(connection), List.of(events));
            AuditStore.insert(connection, entries);
            connection.commit();
            return entries.stream().map(AuditEntry::position).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
