package se.samband.connector.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.security.seal.NoticeSealer;

/**
 * The receipts a recipient's connector sends back: RECEIVED (it got the notice), ACCEPTED (a person took
 * responsibility), DECLINED (with a reason code). Sealed for the notice's sender with the certificate that signed the
 * notice. A receipt's id is derived from the notice and the receipt type, so the same receipt made twice is the same
 * message (the outbox and the broker drop the second).
 */
public class Receipts {
    private final ParticipantId self;
    private final NoticeSealer sealer;
    private final NoticeJson json;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public Receipts(ParticipantId self, NoticeSealer sealer, NoticeJson json, Clock clock) {
        this.self = self;
        this.sealer = sealer;
        this.json = json;
        this.clock = clock;
    }

    public record Receipt(UUID id, byte[] container) {
    }

    public Receipt receipt(NoticeType type, UUID inReplyTo, ParticipantId to, X509Certificate toCertificate,
                           String reasonCode) {
        UUID id = UUID.nameUUIDFromBytes(("samband:connector-receipt:" + self.value() + ":" + type + ":" + inReplyTo)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        NoticeHeader header = NoticeHeader.builder()
                .noticeId(id)
                .type(type)
                .sender(self)
                .recipients(List.of(to))
                .purpose(Purpose.SERVICE)
                .created(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .inReplyTo(inReplyTo)
                .reasonCode(reasonCode)
                .build();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inReplyTo", inReplyTo.toString());
        payload.put("outcome", type.name());
        if (reasonCode != null) {
            payload.put("reasonCode", reasonCode);
        }
        try {
            byte[] bytes = mapper.writeValueAsBytes(payload);
            return new Receipt(id, json.writeContainer(sealer.seal(header, bytes, List.of(toCertificate))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt of ids and codes cannot fail to serialise", e);
        }
    }
}
