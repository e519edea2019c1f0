package se.samband.hub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.notice.error.ErrorCode;

/**
 * The OpenAPI document ({@code /v3/api-docs}). Every error code, its HTTP status and its meaning come from
 * {@link ErrorCode} when the document is built, so the published catalogue cannot drift from what the hub answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String ERROR_SCHEMA = "ErrorBody";

    @Bean
    OpenAPI sambandOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Samband hub API")
                .version("v1")
                .description("Submit sealed notices (" + se.samband.notice.SealedNotice.MEDIA_TYPE + ") and follow "
                        + "their handovers. Every call authenticates with the participant's client certificate "
                        + "(mTLS). A refusal answers {code, message, noticeId}; the codes are listed in the "
                        + ERROR_SCHEMA + " schema and under each status."));
    }

    @Bean
    OpenApiCustomizer errorCodeCatalogue() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocumentation::addErrors));
        };
    }

    private static Schema<?> errorSchema() {
        StringSchema code = new StringSchema();
        code.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
        code.setDescription("The stable code. " + Arrays.stream(ErrorCode.values())
                .map(c -> "`" + c.code() + "` (HTTP " + c.httpStatus() + "): " + c.message())
                .collect(Collectors.joining(" ")));
        Schema<?> schema = new ObjectSchema()
                .addProperty("code", code)
                .addProperty("message", new StringSchema().description("The code's generic sentence."))
                .addProperty("noticeId", new StringSchema().format("uuid")
                        .description("The refused notice's id, when its header could be read."));
        schema.setRequired(List.of("code", "message"));
        schema.setDescription("A refusal. Details stay in the hub's log; the message never names a field value.");
        return schema;
    }

    private static void addErrors(Operation operation) {
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>(Arrays.stream(ErrorCode.values())
                .collect(Collectors.groupingBy(ErrorCode::httpStatus)));
        byStatus.forEach((status, codes) -> {
            String key = String.valueOf(status);
            String description = codes.stream().map(c -> "`" + c.code() + "`: " + c.message())
                    .collect(Collectors.joining("\n\n"));
            ApiResponse existing = operation.getResponses().get(key);
            if (existing != null) {
                // A status the operation documents itself (e.g. 503 without a body) also lists the codes.
                existing.setDescription(existing.getDescription() + "\n\n" + description);
                return;
            }
            operation.getResponses().addApiResponse(key, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
        });
    }
}
