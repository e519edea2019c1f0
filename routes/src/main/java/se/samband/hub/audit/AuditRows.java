package se.samband.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.audit.Checkpoint;

/**
 * The mapping between the chain's records and the tables of V3__audit.sql, shared by the writer and the
 * reader so that what is written is exactly what is read back (else verification reports HASH_MISMATCH).
 * A stored value that no record can hold (an edited row) becomes {@code AUDIT_RECORD_INVALID}, which the
 * verifier reports as HASH_MISMATCH at that position.
 */
final class AuditRows {
    static final String INSERT_ENTRY = "INSERT INTO audit_entry (position, type, outcome, occurred_at, notice_id,"
            + " actor, counterpart, notice_type, decision, legal_basis, consent_id, reason_code, review_required,"
            + " detail_digest, previous_hash, hash, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)";
    static final String INSERT_SUBJECT = "INSERT INTO audit_subject (position, ordinal, pseudonym) VALUES (?, ?, ?)";
    static final String INSERT_CHECKPOINT = "INSERT INTO audit_checkpoint (position, head_hash, signed_at,"
            + " signer_key_id, signature) VALUES (?, ?, ?, ?, ?)";
    /** Entries with their subjects, one row per subject (or one row without), in chain order. */
    static final String SELECT_ENTRIES = "SELECT e.position, e.type, e.outcome, e.occurred_at, e.notice_id, e.actor,"
            + " e.counterpart, e.notice_type, e.decision, e.legal_basis, e.consent_id, e.reason_code,"
            + " e.review_required, e.detail_digest, e.previous_hash, e.hash, s.pseudonym"
            + " FROM audit_entry e LEFT JOIN audit_subject s ON s.position = e.position"
            + " ORDER BY e.position, s.ordinal";
    static final String SELECT_CHECKPOINTS = "SELECT position, head_hash, signed_at, signer_key_id, signature"
            + " FROM audit_checkpoint ORDER BY position, signed_at";

    private AuditRows() {
    }

    static void bindEntry(PreparedStatement statement, AuditEntry entry) throws SQLException {
        AuditEvent event = entry.event();
        statement.setLong(1, entry.position());
        statement.setString(2, event.type().name());
        statement.setString(3, event.outcome().name());
        statement.setObject(4, timestamp(event.occurredAt()));
        setNullableUuid(statement, 5, event.noticeId());
        statement.setString(6, event.actor());
        statement.setString(7, event.counterpart());
        statement.setString(8, name(event.noticeType()));
        statement.setString(9, name(event.decision()));
        statement.setString(10, name(event.legalBasis()));
        statement.setString(11, event.consentId());
        statement.setString(12, event.reasonCode());
        statement.setBoolean(13, event.reviewRequired());
        statement.setString(14, event.detailDigest());
        statement.setString(15, hex(entry.previousHash()));
        statement.setString(16, hex(entry.hash()));
        statement.setString(17, event.idempotencyKey());
    }

    static void bindCheckpoint(PreparedStatement statement, Checkpoint checkpoint) throws SQLException {
        statement.setLong(1, checkpoint.position());
        statement.setString(2, hex(checkpoint.headHash()));
        statement.setObject(3, timestamp(checkpoint.signedAt()));
        statement.setString(4, checkpoint.signerKeyId());
        statement.setString(5, Base64.getEncoder().encodeToString(checkpoint.signature()));
    }

    static void setNullableUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    /** The current row's entry columns as stored; the subjects come from this and the following rows. */
    static StoredEntry stored(ResultSet row) throws SQLException {
        return new StoredEntry(row.getLong("position"), row.getString("type"), row.getString("outcome"),
                instant(row, "occurred_at"), row.getObject("notice_id", UUID.class), row.getString("actor"),
                row.getString("counterpart"), row.getString("notice_type"), row.getString("decision"),
                row.getString("legal_basis"), row.getString("consent_id"), row.getString("reason_code"),
                row.getBoolean("review_required"), row.getString("detail_digest"), row.getString("previous_hash"),
                row.getString("hash"));
    }

    /** One audit_entry row as stored, before it is checked against what an entry may hold. */
    record StoredEntry(long position, String type, String outcome, Instant occurredAt, UUID noticeId, String actor,
                       String counterpart, String noticeType, String decision, String legalBasis, String consentId,
                       String reasonCode, boolean reviewRequired, String detailDigest, String previousHash,
                       String hash) {

        /**
         * The entry, with its subjects in order. A stored value that no entry can hold (the row was edited)
         * is {@code AUDIT_RECORD_INVALID}, which the verifier reports as HASH_MISMATCH at this position.
         */
        AuditEntry toEntry(List<String> subjects) {
            try {
                AuditEvent event = new AuditEvent(AuditEventType.valueOf(type), AuditOutcome.valueOf(outcome),
                        occurredAt, noticeId, actor, counterpart, enumOrNull(NoticeType.class, noticeType), subjects,
                        enumOrNull(AuditDecision.class, decision), enumOrNull(LegalBasisCode.class, legalBasis),
                        consentId, reasonCode, reviewRequired, trimmed(detailDigest));
                return new AuditEntry(position, event, unhex(previousHash), unhex(hash));
            } catch (IllegalArgumentException | NullPointerException e) {
                // No value in the message: the row may hold anything.
                throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID,
                        "audit row at position " + position + " holds a value no audit entry can hold");
            }
        }

        @Override
        public String toString() {
            return "StoredEntry[position=" + position + "]";
        }
    }

    static Checkpoint checkpoint(ResultSet row) throws SQLException {
        long position = row.getLong("position");
        try {
            return new Checkpoint(position, unhex(row.getString("head_hash")), instant(row, "signed_at"),
                    trimmed(row.getString("signer_key_id")), Base64.getDecoder().decode(row.getString("signature")));
        } catch (IllegalArgumentException e) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID,
                    "audit checkpoint at position " + position + " holds a value no checkpoint can hold");
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing hash");
        }
        return HexFormat.of().parseHex(text.trim());
    }

    /** Drops a transaction early when the connection cannot be used any more; keeps the first failure. */
    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** CHAR(n) pads on some databases; the stored values have a fixed length, so padding is never data. */
    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
