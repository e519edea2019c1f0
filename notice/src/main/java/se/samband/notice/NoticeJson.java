package se.samband.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The strict reader and writer of the wire container ({@value SealedNotice#MEDIA_TYPE}) and of the
 * header. Every refusal is a {@link SambandException} whose detail names a JSON pointer and a rule,
 * never a value. Instances are immutable and thread-safe; create one per set of limits and share it.
 *
 * <p>Reading a header runs, in order: size, UTF-8 JSON with no duplicate keys and bounded nesting, no
 * personnummer-shaped value or control character in any string, schema version, the JSON Schema
 * ({@code notice-header-v1.schema.json}), then the rules that span fields. Writing a header runs the
 * same checks on the bytes it produced, so nothing is written that the hub would refuse.
 */
public final class NoticeJson {
    private static final NoticeJson DEFAULT = new NoticeJson(NoticeLimits.defaults());
    private static final String HEADER = "header";
    private static final String SIGNATURE = "signature";
    private static final String BODY = "body";
    private static final byte[] PREFIX = "{\"header\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE_SIGNATURE = "\",\"signature\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE_BODY = "\",\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

    private final NoticeLimits limits;
    private final JsonFactory factory;
    private final ObjectReader treeReader;
    private final ObjectReader headerReader;
    private final ObjectWriter headerWriter;
    private final boolean checkWrites;

    private NoticeJson(NoticeLimits limits) {
        this(limits, true);
    }

    private NoticeJson(NoticeLimits limits, boolean checkWrites) {
        Objects.requireNonNull(limits, "limits");
        if (limits.maxHeaderBytes() < 1 || limits.maxContainerBytes() < 1 || limits.maxNestingDepth() < 1) {
            throw new IllegalArgumentException("notice limits must be positive");
        }
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(limits.maxContainerBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        this.treeReader = mapper.reader();
        this.headerReader = mapper.readerFor(NoticeHeader.class);
        this.headerWriter = mapper.writerFor(NoticeHeader.class);
        this.checkWrites = checkWrites;
    }

    /** The reader with the default limits of ARCHITECTURE.md (header 16 KiB, container 1 MiB). */
    public static NoticeJson strict() {
        return DEFAULT;
    }

    public static NoticeJson strict(NoticeLimits limits) {
        return new NoticeJson(limits);
    }

    /**
     * The same reader, whose {@link #writeHeader} does not read back what it wrote. For headers that code makes
     * from typed values only (the hub's own receipts and escalations: ids, enums, participant ids, instants), where
     * the read-back cost as much as a third of making the receipt and can only find a bug that the receipts' tests
     * find first. Reading is exactly as strict.
     */
    public NoticeJson withoutWriteCheck() {
        return new NoticeJson(limits, false);
    }

    public NoticeLimits limits() {
        return limits;
    }

    /**
     * Compact UTF-8 JSON, fields in a fixed order, instants as ISO-8601 strings, nulls omitted. Refuses
     * (with the reader's error codes) a header that {@link #readHeader} would refuse, e.g. one holding a
     * personnummer-shaped value.
     */
    public byte[] writeHeader(NoticeHeader header) {
        if (header == null) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/: no header");
        }
        if (header.schemaVersion() != NoticeHeader.SCHEMA_VERSION) {
            throw new SambandException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                    "/schemaVersion: not written by this version");
        }
        byte[] bytes;
        try {
            bytes = headerWriter.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "/: header cannot be written");
        }
        if (checkWrites) {
            readHeader(bytes);
        }
        return bytes;
    }

    /** Reads a header from its exact (signed) bytes; never re-serialises them. */
    public NoticeHeader readHeader(byte[] headerBytes) {
        if (headerBytes == null || headerBytes.length == 0) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/: empty header");
        }
        if (headerBytes.length > limits.maxHeaderBytes()) {
            throw new SambandException(ErrorCode.HEADER_TOO_LARGE,
                    "/: " + headerBytes.length + " bytes, limit " + limits.maxHeaderBytes());
        }
        JsonNode tree = parseTree(headerBytes, "header");
        if (!tree.isObject()) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "/: header is not a JSON object");
        }
        PersonalDataScan.check(tree);
        checkSchemaVersion(tree.get("schemaVersion"));
        HeaderSchema.validate(tree);
        NoticeHeader header;
        try {
            header = headerReader.readValue(tree);
        } catch (JsonMappingException e) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, pointerOf(e) + ": not readable as the header type");
        } catch (IOException e) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "/: not readable as the header type");
        } catch (SambandException e) {
            throw e;
        } catch (RuntimeException e) {
            // A value constructor (e.g. ParticipantId) refused a value the schema let through.
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "/: not readable as the header type");
        }
        HeaderRules.check(header);
        return header;
    }

    /** The container as compact ASCII JSON: header base64url without padding, the others standard base64. */
    public byte[] writeContainer(SealedNotice notice) {
        if (notice == null || notice.header() == null || notice.signature() == null || notice.body() == null) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/: container member missing");
        }
        if (notice.header().length > limits.maxHeaderBytes()) {
            throw new SambandException(ErrorCode.HEADER_TOO_LARGE,
                    "/header: " + notice.header().length + " bytes, limit " + limits.maxHeaderBytes());
        }
        byte[] header = Base64.getUrlEncoder().withoutPadding().encode(notice.header());
        byte[] signature = Base64.getEncoder().encode(notice.signature());
        byte[] body = Base64.getEncoder().encode(notice.body());
        long length = (long) PREFIX.length + header.length + MIDDLE_SIGNATURE.length + signature.length
                + MIDDLE_BODY.length + body.length + SUFFIX.length;
        if (length > limits.maxContainerBytes()) {
            throw new SambandException(ErrorCode.NOTICE_TOO_LARGE,
                    "/: " + length + " bytes, limit " + limits.maxContainerBytes());
        }
        byte[] out = new byte[(int) length];
        int at = 0;
        for (byte[] part : new byte[][] {PREFIX, header, MIDDLE_SIGNATURE, signature, MIDDLE_BODY, body, SUFFIX}) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Reads the container: size (before parsing), JSON, exactly the three members, strict base64, header
     * size. It does not look inside the header; call {@link #readHeader} on {@link SealedNotice#header()}.
     */
    public SealedNotice readContainer(byte[] json) {
        if (json == null || json.length == 0) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "/: empty container");
        }
        if (json.length > limits.maxContainerBytes()) {
            throw new SambandException(ErrorCode.NOTICE_TOO_LARGE,
                    "/: " + json.length + " bytes, limit " + limits.maxContainerBytes());
        }
        requireUtf8(json, "container");
        String header = null;
        String signature = null;
        String body = null;
        SambandException deferred = null;
        JsonParser parser = null;
        try {
            parser = factory.createParser(json);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SambandException(ErrorCode.MALFORMED_JSON, "/: container is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                if (value.isStructStart()) {
                    // Read through it: depth and duplicate keys inside must still be reported as such.
                    parser.skipChildren();
                }
                SambandException problem = null;
                switch (name) {
                    case HEADER -> header = text;
                    case SIGNATURE -> signature = text;
                    case BODY -> body = text;
                    default -> problem = new SambandException(ErrorCode.UNKNOWN_FIELD,
                            SafePointer.child("/", name) + ": not a container member");
                }
                if (problem == null && text == null) {
                    problem = value == JsonToken.VALUE_NULL
                            ? new SambandException(ErrorCode.MISSING_FIELD, "/" + name + ": null")
                            : new SambandException(ErrorCode.BAD_BASE64, "/" + name + ": not a string");
                }
                if (deferred == null) {
                    deferred = problem;
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new SambandException(ErrorCode.MALFORMED_JSON, "/: trailing content after the container");
            }
        } catch (IOException e) {
            throw parseFailure(e, parser, "container");
        } finally {
            closeQuietly(parser);
        }
        if (deferred != null) {
            throw deferred;
        }
        byte[] headerBytes = decodeHeader(header);
        byte[] signatureBytes = StrictBase64.decodeStandard(require(signature, SIGNATURE), SIGNATURE);
        byte[] bodyBytes = StrictBase64.decodeStandard(require(body, BODY), BODY);
        return new SealedNotice(headerBytes, signatureBytes, bodyBytes);
    }

    private byte[] decodeHeader(String header) {
        require(header, HEADER);
        // Refuse before decoding: the decoded length follows from the text length.
        long decoded = StrictBase64.decodedLengthUrlNoPadding(header.length());
        if (decoded > limits.maxHeaderBytes()) {
            throw new SambandException(ErrorCode.HEADER_TOO_LARGE,
                    "/header: " + decoded + " bytes, limit " + limits.maxHeaderBytes());
        }
        return StrictBase64.decodeUrlNoPadding(header, HEADER);
    }

    private static String require(String value, String member) {
        if (value == null) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/" + member + ": required");
        }
        if (value.isEmpty()) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/" + member + ": empty");
        }
        return value;
    }

    private JsonNode parseTree(byte[] bytes, String what) {
        requireUtf8(bytes, what);
        JsonParser parser = null;
        try {
            parser = factory.createParser(bytes);
            JsonNode tree = treeReader.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new SambandException(ErrorCode.MALFORMED_JSON, "/: " + what + " holds no JSON value");
            }
            if (parser.nextToken() != null) {
                throw new SambandException(ErrorCode.MALFORMED_JSON, "/: trailing content after the " + what);
            }
            return tree;
        } catch (IOException e) {
            throw parseFailure(e, parser, what);
        } finally {
            closeQuietly(parser);
        }
    }

    /**
     * Maps a Jackson failure to a code. Jackson's own messages quote pieces of the input, so they are
     * never passed on, and neither is the exception as a cause.
     */
    private static SambandException parseFailure(IOException e, JsonParser parser, String what) {
        String pointer = parser == null ? "/" : SafePointer.of(parser.getParsingContext());
        if (e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).contains("nesting depth")) {
            return new SambandException(ErrorCode.NESTING_TOO_DEEP, pointer + ": " + what + " nested too deep");
        }
        if (e instanceof JsonParseException && String.valueOf(e.getMessage()).startsWith("Duplicate field")) {
            return new SambandException(ErrorCode.DUPLICATE_KEY, pointer + ": duplicate key in the " + what);
        }
        String where = "";
        if (e instanceof JacksonException jackson && jackson.getLocation() != null) {
            where = " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr();
        }
        return new SambandException(ErrorCode.MALFORMED_JSON,
                pointer + ": " + what + " is not well-formed JSON" + where);
    }

    /**
     * JSON on the wire is UTF-8 (RFC 8259). Jackson would otherwise detect UTF-16/32 from zero bytes or a
     * byte-order mark and accept a second spelling of the same signed header.
     */
    private static void requireUtf8(byte[] bytes, String what) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "/: " + what + " starts with a byte-order mark");
        }
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || b == 0xfe || b == 0xff) {
                throw new SambandException(ErrorCode.MALFORMED_JSON, "/: " + what + " is not UTF-8");
            }
        }
    }

    private static void checkSchemaVersion(JsonNode version) {
        if (version == null) {
            throw new SambandException(ErrorCode.MISSING_FIELD, "/schemaVersion: required");
        }
        if (!version.isIntegralNumber()) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "/schemaVersion: not an integer");
        }
        if (!version.canConvertToInt() || version.intValue() != NoticeHeader.SCHEMA_VERSION) {
            throw new SambandException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                    "/schemaVersion: only " + NoticeHeader.SCHEMA_VERSION + " is supported");
        }
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('/').append(SafePointer.segment(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // Reading from a byte array: closing cannot fail in a way that matters.
            }
        }
    }
}
