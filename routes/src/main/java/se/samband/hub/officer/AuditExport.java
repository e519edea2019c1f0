package se.samband.hub.officer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Streams the audit trail of a period, as stored, entry by entry from the database (a fetch size, never the whole
 * trail in memory) as CSV (RFC 4180: a header row, fields quoted where they must be) or a JSON array, and computes the
 * SHA-256 of exactly the bytes written, for the {@code AUDIT_EXPORTED} event.
 */
final class AuditExport {
    /** Output formats. */
    enum Format {
        CSV("text/csv; charset=utf-8", "csv"), JSON("application/json", "json");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    static final List<String> COLUMNS = List.of("position", "type", "outcome", "occurredAt", "noticeId", "actor",
            "counterpart", "noticeType", "subjects", "decision", "legalBasis", "consentId", "reasonCode",
            "reviewRequired", "detailDigest", "previousHash", "hash");
    private static final String SELECT = "SELECT e.position, e.type, e.outcome, e.occurred_at, e.notice_id, e.actor,"
            + " e.counterpart, e.notice_type, s.pseudonym, e.decision, e.legal_basis, e.consent_id, e.reason_code,"
            + " e.review_required, e.detail_digest, e.previous_hash, e.hash"
            + " FROM audit_entry e LEFT JOIN audit_subject s ON s.position = e.position"
            + " WHERE e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.position, s.ordinal";
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    AuditExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What was written: entries and the base64url SHA-256 of the bytes. */
    record Written(long entries, String sha256) {
    }

    /** Writes the entries with {@code from <= occurredAt < to}; the stream is flushed, not closed. */
    Written write(Format format, Instant from, Instant to, OutputStream out) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestOutputStream digesting = new DigestOutputStream(out, sha256);
        long entries;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setObject(1, JdbcDisclosures.time(from));
                statement.setObject(2, JdbcDisclosures.time(to));
                try (ResultSet result = statement.executeQuery()) {
                    Rows rows = new Rows(result);
                    entries = format == Format.CSV ? csv(rows, digesting) : json(rows, digesting);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit export could not read the trail: " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(entries, Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()));
    }

    private static long csv(Rows rows, OutputStream out) throws SQLException, IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(String.join(",", COLUMNS));
        writer.write("\r\n");
        long count = 0;
        for (List<String> entry = rows.next(); entry != null; entry = rows.next()) {
            for (int i = 0; i < entry.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(csvField(entry.get(i)));
            }
            writer.write("\r\n");
            count++;
        }
        writer.flush();
        return count;
    }

    private static long json(Rows rows, OutputStream out) throws SQLException, IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
        long count = 0;
        for (List<String> entry = rows.next(); entry != null; entry = rows.next()) {
            json.writeStartObject();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String column = COLUMNS.get(i);
                String value = entry.get(i);
                if (column.equals("subjects")) {
                    json.writeArrayFieldStart(column);
                    if (!value.isEmpty()) {
                        for (String pseudonym : value.split(" ")) {
                            json.writeString(pseudonym);
                        }
                    }
                    json.writeEndArray();
                } else if (value.isEmpty()) {
                    json.writeNullField(column);
                } else if (column.equals("position")) {
                    json.writeNumberField(column, Long.parseLong(value));
                } else if (column.equals("reviewRequired")) {
                    json.writeBooleanField(column, Boolean.parseBoolean(value));
                } else {
                    json.writeStringField(column, value);
                }
            }
            json.writeEndObject();
            count++;
        }
        json.writeEndArray();
        json.flush();
        return count;
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Groups the joined rows (one per subject) into entries, one look-ahead row at a time. */
    private static final class Rows {
        private final ResultSet rows;
        private boolean onRow;

        Rows(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.onRow = rows.next();
        }

        /** One entry's columns (empty string for null; subjects joined by spaces), or null after the last. */
        List<String> next() throws SQLException {
            if (!onRow) {
                return null;
            }
            long position = rows.getLong("position");
            List<String> values = new ArrayList<>(COLUMNS.size());
            values.add(Long.toString(position));
            values.add(text(rows.getString("type")));
            values.add(text(rows.getString("outcome")));
            values.add(rows.getObject("occurred_at", OffsetDateTime.class).toInstant().toString());
            values.add(text(rows.getString("notice_id")));
            values.add(text(rows.getString("actor")));
            values.add(text(rows.getString("counterpart")));
            values.add(text(rows.getString("notice_type")));
            int subjectsAt = values.size();
            values.add("");
            values.add(text(rows.getString("decision")));
            values.add(text(rows.getString("legal_basis")));
            values.add(text(rows.getString("consent_id")));
            values.add(text(rows.getString("reason_code")));
            values.add(Boolean.toString(rows.getBoolean("review_required")));
            values.add(text(rows.getString("detail_digest")));
            values.add(text(rows.getString("previous_hash")).strip().toLowerCase(Locale.ROOT));
            values.add(text(rows.getString("hash")).strip().toLowerCase(Locale.ROOT));
            List<String> subjects = new ArrayList<>();
            do {
                String pseudonym = rows.getString("pseudonym");
                if (pseudonym != null) {
                    subjects.add(pseudonym);
                }
                onRow = rows.next();
            } while (onRow && rows.getLong("position") == position);
            values.set(subjectsAt, String.join(" ", subjects));
            return values;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
