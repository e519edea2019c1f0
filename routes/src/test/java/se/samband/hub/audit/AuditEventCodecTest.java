package se.samband.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

class AuditEventCodecTest {

    @Test
    void roundTripsAnEvent() {
        AuditEvent event = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, Instant.parse("2026-11-22T09:00:00Z"),
                "polisen.gavleborg").noticeId(UUID.randomUUID()).reasonCode("SIGNATURE_INVALID").build();
        assertThat(AuditEventCodec.decode(AuditEventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void refusesAnEventCarryingAPersonnummerEvenFromTheQueue() {
        String json = new String(AuditEventCodec.encode(AuditEvent.builder(AuditEventType.NOTICE_REJECTED,
                Instant.parse("2026-11-22T09:00:00Z"), "polisen.gavleborg").reasonCode("X").build()),
                StandardCharsets.UTF_8).replace("\"X\"", "\"640823-3234\"");
        assertThatThrownBy(() -> AuditEventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SambandException.class)
                .satisfies(e -> assertThat(((SambandException) e).code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID))
                .hasMessageNotContaining("640823");
    }
}
