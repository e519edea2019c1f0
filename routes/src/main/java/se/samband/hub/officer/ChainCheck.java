package se.samband.hub.officer;

import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.audit.AuditVerification;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.audit.ChainVerification;

/**
 * A security officer verifies the audit chain ({@link AuditVerification}: every entry's hash and link, every signed
 * checkpoint against the hub's certificate). Audited as {@code AUDIT_VERIFIED}: the verified head's hash as detail
 * digest, or {@code FAILED} with the problem as reason code.
 */
final class ChainCheck {
    private final AuditVerification verification;
    private final JdbcTemplate jdbc;
    private final OfficerAudit audit;
    private final Clock clock;

    ChainCheck(AuditVerification verification, JdbcTemplate jdbc, OfficerAudit audit, Clock clock) {
        this.verification = verification;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    ChainVerification verify(String actor) {
        ChainVerification result = verification.verify();
        AuditEvent.Builder event = AuditEvent.builder(AuditEventType.AUDIT_VERIFIED, clock.instant(), actor);
        if (result.ok()) {
            event.detailDigest(headDigest(result.entriesChecked()));
        } else {
            event.outcome(AuditOutcome.FAILED).reasonCode(result.problem().name());
        }
        audit.record(event.build());
        return result;
    }

    private String headDigest(long position) {
        if (position == 0) {
            return null;
        }
        List<String> hash = jdbc.queryForList("SELECT hash FROM audit_entry WHERE position = ?", String.class,
                position);
        return hash.isEmpty() ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hash.get(0).strip()));
    }
}
