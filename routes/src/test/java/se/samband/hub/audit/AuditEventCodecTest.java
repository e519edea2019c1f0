package se.samband.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditDecision;
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
    void roundTripsAPlansEventsInTheirOrder() {
        UUID notice = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-06T19:00:00Z");
        List<AuditEvent> events = List.of(
                AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, at, "samband.hub").noticeId(notice)
                        .counterpart("socialtjanst.bollnas").decision(AuditDecision.PERMIT).build(),
                AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, at, "samband.hub").noticeId(notice)
                        .counterpart("socialtjanst.bollnas").decision(AuditDecision.PERMIT).build());

        assertThat(AuditEventCodec.decodeAll(AuditEventCodec.encodeAll(events))).containsExactlyElementsOf(events);
        assertThat(AuditEventCodec.decodeAll(AuditEventCodec.encode(events.get(0))))
                .as("a single event, as other writers send it").containsExactly(events.get(0));
        assertThat(AuditEventCodec.encodeAll(events.subList(0, 1)))
                .as("one event stays an object").isEqualTo(AuditEventCodec.encode(events.get(0)));
    }

    @Test
    void refusesAnEmptyOrNullListAndOneWithAnInvalidEvent() {
        String valid = new String(AuditEventCodec.encode(AuditEvent.builder(AuditEventType.NOTICE_REJECTED,
                Instant.parse("2026-11-22T09:00:00Z"), "polisen.gavleborg").reasonCode("X").build()),
                StandardCharsets.UTF_8);
        for (String body : List.of("[]", " [null]", "[" + valid + "," + valid.replace("\"X\"", "\"640823-3234\"")
                + "]")) {
            assertThatThrownBy(() -> AuditEventCodec.decodeAll(body.getBytes(StandardCharsets.UTF_8))).as(body)
                    .isInstanceOf(SambandException.class)
                    .satisfies(e -> assertThat(((SambandException) e).code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID))
                    .hasMessageNotContaining("640823");
        }
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
