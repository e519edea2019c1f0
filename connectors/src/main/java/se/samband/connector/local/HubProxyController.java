package se.samband.connector.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samband.connector.hubclient.HubApi;
import se.samband.notice.error.ErrorCode;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;

/**
 * Consents and risk flags, passed on to the hub's mTLS API. The case system names the person by
 * {@code personnummer}; the connector replaces it with {@code subjectPseudonym} before anything leaves the machine.
 * The hub's answer (pseudonyms and codes only) is handed back as it is, status included.
 */
@RestController
class HubProxyController {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private final HubApi hub;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final AgencyRules rules;
    private final ObjectMapper mapper = new ObjectMapper();

    HubProxyController(HubApi hub, Pseudonymizer pseudonymizer, Clock clock, AgencyRules rules) {
        this.hub = hub;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    @PostMapping("/api/v1/consents")
    ResponseEntity<?> registerConsent(@RequestBody JsonNode body) {
        return forward("POST", "/api/v1/consents", body, true);
    }

    @PostMapping("/api/v1/consents/{id}/versions")
    ResponseEntity<?> newVersion(@PathVariable("id") String id, @RequestBody JsonNode body) {
        return checkedId(id) ? forward("POST", "/api/v1/consents/" + id + "/versions", body, true) : badId();
    }

    @PostMapping("/api/v1/consents/{id}/withdrawal")
    ResponseEntity<?> withdraw(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body) {
        return checkedId(id) ? forward("POST", "/api/v1/consents/" + id + "/withdrawal",
                body == null ? mapper.createObjectNode() : body, false) : badId();
    }

    @PostMapping("/api/v1/risk-flags")
    ResponseEntity<?> setRiskFlag(@RequestBody JsonNode body) {
        rules.checkRiskFlagChange();
        return forward("POST", "/api/v1/risk-flags", body, true);
    }

    @DeleteMapping({"/api/v1/risk-flags", "/api/v1/risk-flags/{id}"})
    ResponseEntity<?> clearRiskFlag(@PathVariable(name = "id", required = false) String id,
                                    @RequestBody(required = false) JsonNode body) {
        rules.checkRiskFlagChange();
        if (id != null && !checkedId(id)) {
            return badId();
        }
        String path = "/api/v1/risk-flags" + (id == null ? "" : "/" + id);
        return forward("DELETE", path, body, body != null && body.has("personnummer"));
    }

    /** The consents of a person, looked up by personnummer (in the body, never in a URL that a log may keep). */
    @PostMapping("/api/v1/consents/search")
    ResponseEntity<?> consentsOf(@RequestBody JsonNode body) {
        return lookUp("/api/v1/consents?subject=", body);
    }

    /** The risk flags on a person, looked up by personnummer in the body. */
    @PostMapping("/api/v1/risk-flags/search")
    ResponseEntity<?> riskFlagsOf(@RequestBody JsonNode body) {
        return lookUp("/api/v1/risk-flags?subject=", body);
    }

    private ResponseEntity<?> lookUp(String pathAndQuery, JsonNode body) {
        JsonNode number = body == null ? null : body.get("personnummer");
        if (number == null || !number.isTextual()) {
            return invalid(number == null ? "missing" : "invalid_format", "/personnummer");
        }
        String rule = SubmissionRequests.personnummerRule(number.asText(), LocalDate.now(clock));
        if (rule != null) {
            return invalid(rule, "/personnummer");
        }
        String pseudonym = pseudonymizer.pseudonymize(Personnummer.parse(number.asText().strip(),
                LocalDate.now(clock)));
        return answer(hub.get(pathAndQuery + java.net.URLEncoder.encode(pseudonym,
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private ResponseEntity<?> forward(String method, String path, JsonNode body, boolean personRequired) {
        if (body != null && !body.isObject()) {
            return invalid("invalid_format", "/");
        }
        ObjectNode copy = body == null ? null : ((ObjectNode) body).deepCopy();
        if (copy != null && copy.has("personnummer")) {
            JsonNode number = copy.remove("personnummer");
            String rule = number.isTextual()
                    ? SubmissionRequests.personnummerRule(number.asText(), LocalDate.now(clock)) : "format";
            if (rule != null) {
                return invalid(rule, "/personnummer");
            }
            copy.put("subjectPseudonym", pseudonymizer.pseudonymize(Personnummer.parse(number.asText().strip(),
                    LocalDate.now(clock))));
        } else if (personRequired && (copy == null || !copy.has("subjectPseudonym"))) {
            return invalid("missing", "/personnummer");
        }
        return answer(hub.send(method, path, copy == null ? null : copy.toString()));
    }

    private static ResponseEntity<?> answer(HubApi.Answer answer) {
        MediaType type = answer.contentType().isEmpty() ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType(answer.contentType());
        return ResponseEntity.status(answer.status()).contentType(type).body(answer.body());
    }

    private static boolean checkedId(String id) {
        return ID.matcher(id).matches();
    }

    private static ResponseEntity<ErrorBody> badId() {
        return invalid("invalid_format", "id");
    }

    private static ResponseEntity<ErrorBody> invalid(String code, String field) {
        ErrorCode error = ErrorCode.SUBMISSION_INVALID;
        return ResponseEntity.status(error.httpStatus()).body(new ErrorBody(error.code(), error.message(), null,
                List.of(new Problem(code, field))));
    }
}
