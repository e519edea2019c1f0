package se.samband.notice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Reads and writes the wire container and the header. FIRST CUT: to be made strict (limits,
 * duplicate keys, unknown fields, base64, schema, personnummer-shaped values) by the notice work.
 */
public final class NoticeJson {
    private final NoticeLimits limits;
    private final ObjectMapper mapper;

    private NoticeJson(NoticeLimits limits) {
        this.limits = limits;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static NoticeJson strict() {
        return new NoticeJson(NoticeLimits.defaults());
    }

    public static NoticeJson strict(NoticeLimits limits) {
        return new NoticeJson(limits);
    }

    public NoticeLimits limits() {
        return limits;
    }

    public byte[] writeHeader(NoticeHeader header) {
        try {
            return mapper.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NoticeHeader readHeader(byte[] headerBytes) {
        try {
            return mapper.readValue(headerBytes, NoticeHeader.class);
        } catch (IOException e) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "header is not readable");
        }
    }

    public byte[] writeContainer(SealedNotice notice) {
        java.util.Map<String, String> json = new java.util.LinkedHashMap<>();
        json.put("header", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(notice.header()));
        json.put("signature", java.util.Base64.getEncoder().encodeToString(notice.signature()));
        json.put("body", java.util.Base64.getEncoder().encodeToString(notice.body()));
        try {
            return mapper.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SealedNotice readContainer(byte[] json) {
        try {
            var node = mapper.readTree(json);
            return new SealedNotice(
                    java.util.Base64.getUrlDecoder().decode(node.get("header").asText()),
                    java.util.Base64.getDecoder().decode(node.get("signature").asText()),
                    java.util.Base64.getDecoder().decode(node.get("body").asText()));
        } catch (IOException e) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "container is not readable");
        }
    }
}
