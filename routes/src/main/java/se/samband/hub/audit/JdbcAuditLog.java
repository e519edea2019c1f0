package se.samband.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.Checkpoint;

/**
 * Reads the audit trail back: entries in position order as a stream straight from the result set
 * (a fetch size and one entry in memory, however long the chain), and the signed checkpoints.
 */
public final class JdbcAuditLog {
    /** Rows fetched per round trip; PostgreSQL only streams with a fetch size inside a transaction. */
    static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    public JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Hands the entries, in ascending position order, to {@code reader} and returns what it returns. The
     * iterator is valid only inside the call. A row that no entry can hold fails {@code next()} with
     * {@code AUDIT_RECORD_INVALID}.
     */
    public <T> T readEntries(Function<Iterator<AuditEntry>, T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(AuditRows.SELECT_ENTRIES,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.apply(new EntryIterator(rows));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("read audit entries", AuditRows.SELECT_ENTRIES, e);
        } catch (UncheckedSqlException e) {
            throw new UncategorizedSQLException("read audit entries", AuditRows.SELECT_ENTRIES, e.getCause());
        }
    }

    /** Every stored checkpoint in position order; a few per thousand entries, so a list. */
    public List<Checkpoint> checkpoints() {
        StoredCheckpoints stored = storedCheckpoints();
        if (stored.firstUnreadable() > 0) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID,
                    "audit checkpoint at position " + stored.firstUnreadable() + " cannot be read");
        }
        return stored.checkpoints();
    }

    /** The checkpoints that can be read, and the position of the first that cannot (0 if none). */
    StoredCheckpoints storedCheckpoints() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(AuditRows.SELECT_CHECKPOINTS);
             ResultSet rows = statement.executeQuery()) {
            List<Checkpoint> checkpoints = new ArrayList<>();
            long firstUnreadable = 0;
            while (rows.next()) {
                try {
                    checkpoints.add(AuditRows.checkpoint(rows));
                } catch (SambandException e) {
                    if (firstUnreadable == 0) {
                        firstUnreadable = rows.getLong("position");
                    }
                }
            }
            return new StoredCheckpoints(List.copyOf(checkpoints), firstUnreadable);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("read audit checkpoints", AuditRows.SELECT_CHECKPOINTS, e);
        }
    }

    record StoredCheckpoints(List<Checkpoint> checkpoints, long firstUnreadable) {
    }

    /** Groups the joined rows (one per subject) back into entries, one look-ahead row at a time. */
    private static final class EntryIterator implements Iterator<AuditEntry> {
        private final ResultSet rows;
        private boolean onRow;

        EntryIterator(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.onRow = rows.next();
        }

        @Override
        public boolean hasNext() {
            return onRow;
        }

        @Override
        public AuditEntry next() {
            if (!onRow) {
                throw new NoSuchElementException();
            }
            try {
                AuditRows.StoredEntry stored = AuditRows.stored(rows);
                List<String> subjects = new ArrayList<>();
                do {
                    String pseudonym = rows.getString("pseudonym");
                    if (pseudonym != null) {
                        subjects.add(pseudonym);
                    }
                    onRow = rows.next();
                } while (onRow && rows.getLong("position") == stored.position());
                return stored.toEntry(subjects);
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }
    }

    /** Carries a read failure out of the iterator, which cannot throw checked exceptions. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
