package se.samband.hub.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;

/**
 * The JSON form of audit events on {@code samband.hub.audit}: one event as an object, or a plan's events as an
 * array. Decoding runs each event's own validation again, so nothing that holds personal data reaches the audit
 * table even from a forged message.
 */
public final class AuditEventCodec {
    /**
     * Optional string property of an audit message: the notice's sender (participant id). The audit writer
     * keeps it in the handover state (the event itself names the hub as actor), so that receipts can be routed
     * back and senders can query their notices. Set it on DISCLOSURE_DECIDED messages. Same name as the
     * dispatcher's {@code sender} property on the hub's other queues.
     */
    public static final String SENDER_PROPERTY = "sender";
    /**
     * Optional long property of an audit message: the respond-by time, epoch milliseconds, of the recipient each
     * of its events names as counterpart (a message's events share it). The audit writer keeps it in the handover
     * table, where the respond-by watch reads it.
     */
    public static final String RESPOND_BY_PROPERTY = "respondBy";
    /**
     * Optional string property of an audit message: {@code CaseRefDigest} of the notice header's {@code caseRef}
     * (base64url SHA-256, 43 characters). The audit writer keeps it per notice for the case timeline; the
     * reference itself is never stored.
     */
    public static final String CASE_REF_DIGEST_PROPERTY = "caseRefDigest";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<AuditEvent>> EVENTS = new TypeReference<>() { };

    private AuditEventCodec() {
    }

    /**
     * Several events of one plan as one message body, a JSON array in the order they are to be appended: one
     * broker message (one journal record, one delivery to the audit writer) per plan rather than per event.
     */
    public static byte[] encodeAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no audit events to encode");
        }
        if (events.size() == 1) {
            return encode(events.get(0));
        }
        try {
            return MAPPER.writeValueAsBytes(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events of a message body: an array ({@link #encodeAll}) or one event ({@link #encode}). Every event is
     * validated again; one invalid event makes the whole body invalid, so a message is appended whole or parked
     * whole.
     */
    public static List<AuditEvent> decodeAll(byte[] json) {
        if (!startsWithArray(json)) {
            return List.of(decode(json));
        }
        List<AuditEvent> events;
        try {
            events = MAPPER.readValue(json, EVENTS);
        } catch (IOException e) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "audit message is not a list of valid events");
        }
        if (events.isEmpty() || events.contains(null)) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "audit message holds no event or a null one");
        }
        return events;
    }

    private static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return false;
    }

    public static byte[] encode(AuditEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AuditEvent decode(byte[] json) {
        try {
            return MAPPER.readValue(json, AuditEvent.class);
        } catch (IOException e) {
            // Jackson's message may quote the input: keep the code only.
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "audit message is not a valid event");
        }
    }
}
