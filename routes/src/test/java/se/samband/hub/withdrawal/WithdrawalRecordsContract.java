package se.samband.hub.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.ParticipantId;

/**
 * The withdrawal fan-out's SQL (consent_record, audit_entry by consent id, consent_withdrawal_notice of V6), run
 * against each database the hub supports. Rows are written as the registry and the audit writer would.
 */
abstract class WithdrawalRecordsContract {
    private static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId POLICE = ParticipantId.of("polisen.gavleborg");
    private static final AtomicLong POSITION = new AtomicLong(1_000_000);

    abstract DataSource dataSource();

    @Test
    void findsTheWithdrawalItsEarlierRecipientsAndWhomItTold() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        JdbcWithdrawalRecords records = new JdbcWithdrawalRecords(jdbc);
        String consentId = "kvv-" + UUID.randomUUID();
        String subject = PipelineFixture.pseudonym("withdrawn " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        consent(jdbc, consentId, 1, "ACTIVE", subject, now.minusSeconds(3600), null);
        assertThat(records.withdrawal(consentId)).isEmpty();
        consent(jdbc, consentId, 2, "WITHDRAWN", subject, now, now.minusSeconds(5));

        JdbcWithdrawalRecords.Withdrawal withdrawal = records.withdrawal(consentId).orElseThrow();
        assertThat(withdrawal).isEqualTo(new JdbcWithdrawalRecords.Withdrawal(consentId, 2, subject,
                now.minusSeconds(5)));
        assertThat(records.withdrawnSince(now.minusSeconds(1))).contains(consentId);
        assertThat(records.withdrawnSince(now.plusSeconds(1))).doesNotContain(consentId);

        audit(jdbc, "NOTICE_DISPATCHED", "SUCCESS", SOCIAL, "RELEASE_CONTACT_CONSENT", consentId);
        audit(jdbc, "NOTICE_DISPATCHED", "SUCCESS", SOCIAL, "RELEASE_EFFECTED", consentId);
        audit(jdbc, "NOTICE_DISPATCHED", "FAILED", POLICE, "RELEASE_CONTACT_CONSENT", consentId);
        audit(jdbc, "DISCLOSURE_DECIDED", "SUCCESS", POLICE, "RELEASE_CONTACT_CONSENT", consentId);
        audit(jdbc, "NOTICE_DISPATCHED", "SUCCESS", POLICE, "CONSENT_WITHDRAWN", consentId);
        assertThat(records.earlierRecipients(consentId)).containsExactly(SOCIAL);

        UUID noticeId = UUID.randomUUID();
        assertThat(records.recordTold(consentId, SOCIAL, noticeId, now)).isTrue();
        assertThat(records.recordTold(consentId, SOCIAL, noticeId, now)).as("told once").isFalse();
        assertThat(records.told(consentId)).containsExactly(SOCIAL);
    }

    private static void consent(JdbcTemplate jdbc, String consentId, int version, String status, String subject,
                                Instant recordedAt, Instant withdrawnAt) {
        jdbc.update("INSERT INTO consent_record (consent_id, consent_version, status, subject_pseudonym, recorded_by,"
                        + " recorded_at, valid_from, valid_to, effect, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 'PERMIT', ?)", consentId, version, status, subject, "kriminalvarden.frivard-gavle",
                recordedAt.atOffset(ZoneOffset.UTC), recordedAt.minusSeconds(86_400).atOffset(ZoneOffset.UTC),
                recordedAt.plusSeconds(86_400 * 30L).atOffset(ZoneOffset.UTC),
                withdrawnAt == null ? null : withdrawnAt.atOffset(ZoneOffset.UTC));
    }

    private static void audit(JdbcTemplate jdbc, String type, String outcome, ParticipantId counterpart,
                              String noticeType, String consentId) {
        long position = POSITION.incrementAndGet();
        String hash = "0".repeat(64);
        jdbc.update("INSERT INTO audit_entry (position, type, outcome, occurred_at, notice_id, actor, counterpart,"
                        + " notice_type, consent_id, review_required, previous_hash, hash, idempotency_key)"
                        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?, 'samband.hub', ?, ?, ?, FALSE, ?, ?, ?)",
                position, type, outcome, UUID.randomUUID(), counterpart.value(), noticeType, consentId, hash, hash,
                "test-" + UUID.randomUUID());
    }
}
