package se.samband.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Set;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The header's JSON Schema (draft 2020-12), compiled once per JVM: compiling it costs far more than
 * validating a header, and the hub validates thousands per second. A compiled {@link JsonSchema} is
 * thread-safe once its validators are initialised, which happens here eagerly.
 */
final class HeaderSchema {
    static final String RESOURCE = "notice-header-v1.schema.json";
    private static final JsonSchema SCHEMA = load();

    private HeaderSchema() {
    }

    /**
     * Throws UNKNOWN_FIELD, MISSING_FIELD or SCHEMA_VIOLATION for the first problem (unknown fields first,
     * then missing ones, then the rest), naming its pointer and the schema keyword, never the value.
     */
    static void validate(JsonNode header) {
        Set<ValidationMessage> messages = SCHEMA.validate(header);
        if (messages.isEmpty()) {
            return;
        }
        ValidationMessage first = messages.stream()
                .min(Comparator.comparingInt(HeaderSchema::rank)
                        .thenComparing(m -> String.valueOf(m.getInstanceLocation())))
                .orElseThrow();
        String pointer = pointer(first);
        String keyword = first.getType();
        throw switch (rank(first)) {
            case 0 -> new SambandException(ErrorCode.UNKNOWN_FIELD,
                    SafePointer.child(pointer, first.getProperty()) + ": not defined by the header schema");
            case 1 -> new SambandException(ErrorCode.MISSING_FIELD,
                    SafePointer.child(pointer, first.getProperty()) + ": required");
            default -> new SambandException(ErrorCode.SCHEMA_VIOLATION, pointer + ": " + keyword
                    + (messages.size() > 1 ? " (and " + (messages.size() - 1) + " more)" : ""));
        };
    }

    private static int rank(ValidationMessage message) {
        String type = message.getType();
        if ("additionalProperties".equals(type) || "unevaluatedProperties".equals(type)) {
            return 0;
        }
        return "required".equals(type) ? 1 : 2;
    }

    /** The instance location as a JSON pointer whose segments are redacted unless they look like field names. */
    private static String pointer(ValidationMessage message) {
        String raw = String.valueOf(message.getInstanceLocation());
        if (raw.isEmpty() || "/".equals(raw) || "".equals(raw)) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : raw.substring(1).split("/", -1)) {
            out.append('/').append(SafePointer.segment(segment));
        }
        return out.toString();
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .typeLoose(false)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = HeaderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("header schema resource missing: " + RESOURCE);
            }
            JsonSchema schema = factory.getSchema(in, config);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
