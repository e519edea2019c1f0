package se.samband.hub.withdrawal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;

/**
 * What the fan-out reads and writes: the withdrawal version of a consent ({@code consent_record}), the participants
 * that received notices on it (the audit trail's {@code NOTICE_DISPATCHED} entries citing the consent id), and
 * whom the hub has told ({@code consent_withdrawal_notice}, V6). Portable SQL for H2 and PostgreSQL.
 */
class JdbcWithdrawalRecords {
    private final JdbcTemplate jdbc;

    JdbcWithdrawalRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The withdrawal of a consent as registered. */
    record Withdrawal(String consentId, int version, String subjectPseudonym, Instant withdrawnAt) {
    }

    /** The WITHDRAWN version of {@code consentId}, if it has been withdrawn. */
    Optional<Withdrawal> withdrawal(String consentId) {
        return jdbc.query("SELECT consent_version, subject_pseudonym, withdrawn_at, recorded_at FROM consent_record"
                        + " WHERE consent_id = ? AND status = 'WITHDRAWN' ORDER BY consent_version DESC",
                (rs, i) -> {
                    OffsetDateTime withdrawnAt = rs.getObject(3, OffsetDateTime.class);
                    OffsetDateTime recordedAt = rs.getObject(4, OffsetDateTime.class);
                    return new Withdrawal(consentId, rs.getInt(1), rs.getString(2),
                            (withdrawnAt != null ? withdrawnAt : recordedAt).toInstant());
                }, consentId).stream().findFirst();
    }

    /** The participants the hub delivered notices to on {@code consentId} (hub notices about it left out). */
    List<ParticipantId> earlierRecipients(String consentId) {
        return jdbc.queryForList("SELECT DISTINCT counterpart FROM audit_entry WHERE consent_id = ?"
                        + " AND type = 'NOTICE_DISPATCHED' AND outcome = 'SUCCESS' AND counterpart IS NOT NULL"
                        + " AND (notice_type IS NULL OR notice_type <> 'CONSENT_WITHDRAWN') ORDER BY counterpart",
                String.class, consentId).stream().map(ParticipantId::of).toList();
    }

    /** Whom the hub has already sent {@code CONSENT_WITHDRAWN} about {@code consentId}. */
    Set<ParticipantId> told(String consentId) {
        return new HashSet<>(jdbc.queryForList("SELECT recipient FROM consent_withdrawal_notice WHERE consent_id = ?",
                String.class, consentId).stream().map(ParticipantId::of).toList());
    }

    /** Records that {@code recipient} was told; false if it was recorded already (another instance, a retry). */
    boolean recordTold(String consentId, ParticipantId recipient, UUID noticeId, Instant at) {
        try {
            return jdbc.update("INSERT INTO consent_withdrawal_notice (consent_id, recipient, notice_id, sent_at)"
                    + " VALUES (?, ?, ?, ?)", consentId, recipient.value(), noticeId.toString(),
                    at.atOffset(ZoneOffset.UTC)) == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Consents withdrawn (the withdrawal version recorded) at or after {@code since}. */
    List<String> withdrawnSince(Instant since) {
        return jdbc.queryForList("SELECT DISTINCT consent_id FROM consent_record WHERE status = 'WITHDRAWN'"
                + " AND recorded_at >= ? ORDER BY consent_id", String.class, since.atOffset(ZoneOffset.UTC));
    }
}
