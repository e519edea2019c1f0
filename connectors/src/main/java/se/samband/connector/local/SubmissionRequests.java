package se.samband.connector.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import se.samband.connector.core.CaseSubmission;
import se.samband.connector.core.PersonRef;
import se.samband.connector.hubclient.RecipientQuery;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.Purpose;
import se.samband.notice.SubjectRole;
import se.samband.notice.error.SambandException;
import se.samband.security.identity.Personnummer;

/**
 * Reads and checks the case system's plain JSON submission ({@code POST /api/v1/notices}) and reports every problem
 * at once, by field and rule, never repeating a value. The accepted fields are those of connectors/README.md.
 */
public final class SubmissionRequests {
    static final int MAX_RELATED = 8;
    static final int MAX_RECIPIENTS = 16;
    private static final Set<String> FIELDS = Set.of("noticeId", "type", "recipients", "recipient", "subject",
            "relatedPersons", "purpose", "dataCategories", "legalBasis", "consentId", "reasonCode", "caseRef",
            "respondBy", "expires", "inReplyTo", "payload");
    private static final Set<String> PERSON_FIELDS = Set.of("personnummer", "role", "protectedIdentity");
    private static final Set<String> RECIPIENT_FIELDS = Set.of("kind", "municipality", "region", "hsaId", "service");
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final Pattern CASE_REF = Pattern.compile("^[A-Za-z0-9._:/-]{1,64}$");
    private static final Pattern CONSENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final Pattern MUNICIPALITY = Pattern.compile("^[0-9]{4}$");
    private static final Pattern REGION = Pattern.compile("^[0-9]{2}$");
    private static final Pattern SERVICE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final Pattern HSA_ID = Pattern.compile("^SE[0-9]{10}-[A-Za-z0-9]{1,19}$");

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public SubmissionRequests(Clock clock) {
        this.clock = clock;
    }

    /** Refusal of a submission: every problem found. */
    public static final class Invalid extends RuntimeException {
        private final transient List<Problem> problems;

        public Invalid(List<Problem> problems) {
            super("submission invalid: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public ParsedSubmission read(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new Invalid(List.of(new Problem("invalid_format", "/")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Problem("unknown_field", "/" + safeName(name)));
            }
        }
        UUID noticeId = uuid(body, "noticeId", problems);
        NoticeType type = enumValue(body, "type", NoticeType.class, true, problems);
        if (type != null && type.ordinal() >= NoticeType.CONSENT_WITHDRAWN.ordinal()) {
            problems.add(new Problem("invalid_value", "/type"));
        }
        Purpose purpose = enumValue(body, "purpose", Purpose.class, true, problems);
        LegalBasisCode basis = enumValue(body, "legalBasis", LegalBasisCode.class, true, problems);
        String consentId = text(body, "consentId", CONSENT_ID, problems);
        if (basis == LegalBasisCode.CONSENT && consentId == null && !body.has("consentId")) {
            problems.add(new Problem("missing", "/consentId"));
        }
        String reasonCode = text(body, "reasonCode", CODE, problems);
        String caseRef = text(body, "caseRef", CASE_REF, problems);
        Instant respondBy = instant(body, "respondBy", problems);
        Instant expires = instant(body, "expires", problems);
        UUID inReplyTo = uuid(body, "inReplyTo", problems);

        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        JsonNode categoryNode = body.get("dataCategories");
        if (categoryNode == null || !categoryNode.isArray() || categoryNode.isEmpty()) {
            problems.add(new Problem(categoryNode == null ? "missing" : "invalid_format", "/dataCategories"));
        } else {
            for (int i = 0; i < categoryNode.size(); i++) {
                try {
                    categories.add(DataCategory.valueOf(categoryNode.get(i).asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("invalid_value", "/dataCategories/" + i));
                }
            }
        }

        List<PersonRef> persons = new ArrayList<>();
        JsonNode subject = body.get("subject");
        if (subject == null) {
            problems.add(new Problem("missing", "/subject"));
        } else {
            PersonRef person = person(subject, "/subject", problems);
            if (person != null) {
                persons.add(person);
            }
        }
        JsonNode related = body.get("relatedPersons");
        if (related != null) {
            if (!related.isArray()) {
                problems.add(new Problem("invalid_format", "/relatedPersons"));
            } else if (related.size() > MAX_RELATED) {
                problems.add(new Problem("too_many", "/relatedPersons"));
            } else {
                for (int i = 0; i < related.size(); i++) {
                    PersonRef person = person(related.get(i), "/relatedPersons/" + i, problems);
                    if (person != null) {
                        persons.add(person);
                    }
                }
            }
        }

        List<ParticipantId> recipients = new ArrayList<>();
        RecipientQuery query = null;
        JsonNode named = body.get("recipients");
        JsonNode wanted = body.get("recipient");
        if (named != null && wanted != null) {
            problems.add(new Problem("conflict", "/recipient"));
        } else if (named == null && wanted == null) {
            problems.add(new Problem("missing", "/recipients"));
        } else if (named != null) {
            if (!named.isArray() || named.isEmpty()) {
                problems.add(new Problem("invalid_format", "/recipients"));
            } else if (named.size() > MAX_RECIPIENTS) {
                problems.add(new Problem("too_many", "/recipients"));
            } else {
                for (int i = 0; i < named.size(); i++) {
                    String id = named.get(i).asText();
                    if (!named.get(i).isTextual() || !ParticipantId.isValid(id)) {
                        problems.add(new Problem("invalid_format", "/recipients/" + i));
                    } else if (!recipients.contains(ParticipantId.of(id))) {
                        recipients.add(ParticipantId.of(id));
                    }
                }
            }
        } else {
            query = query(wanted, problems);
        }

        Map<String, Object> payload = Map.of();
        JsonNode payloadNode = body.get("payload");
        if (payloadNode != null) {
            if (!payloadNode.isObject()) {
                problems.add(new Problem("invalid_format", "/payload"));
            } else {
                payload = new LinkedHashMap<>(json.convertValue(payloadNode, Map.class));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        CaseSubmission submission = new CaseSubmission(noticeId, type, persons, purpose, basis, consentId, reasonCode,
                categories, List.of(), caseRef, respondBy, expires, inReplyTo, payload);
        return new ParsedSubmission(submission, recipients, query);
    }

    private RecipientQuery query(JsonNode wanted, List<Problem> problems) {
        if (!wanted.isObject()) {
            problems.add(new Problem("invalid_format", "/recipient"));
            return null;
        }
        for (Iterator<String> names = wanted.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RECIPIENT_FIELDS.contains(name)) {
                problems.add(new Problem("unknown_field", "/recipient/" + safeName(name)));
            }
        }
        int before = problems.size();
        ParticipantKind kind = enumValue(wanted, "kind", ParticipantKind.class, true, "/recipient/kind", problems);
        String municipality = text(wanted, "municipality", MUNICIPALITY, "/recipient/municipality", problems);
        String region = text(wanted, "region", REGION, "/recipient/region", problems);
        String hsaId = text(wanted, "hsaId", HSA_ID, "/recipient/hsaId", problems);
        String service = text(wanted, "service", SERVICE, "/recipient/service", problems);
        if (municipality == null && region == null && hsaId == null && service == null && problems.size() == before) {
            problems.add(new Problem("missing", "/recipient/municipality"));
        }
        return problems.size() == before ? new RecipientQuery(kind, municipality, region, hsaId, service) : null;
    }

    private PersonRef person(JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem("invalid_format", pointer));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PERSON_FIELDS.contains(name)) {
                problems.add(new Problem("unknown_field", pointer + "/" + safeName(name)));
            }
        }
        int before = problems.size();
        JsonNode number = node.get("personnummer");
        if (number == null || !number.isTextual()) {
            problems.add(new Problem(number == null ? "missing" : "invalid_format", pointer + "/personnummer"));
        } else {
            String rule = personnummerRule(number.asText(), LocalDate.now(clock));
            if (rule != null) {
                problems.add(new Problem(rule, pointer + "/personnummer"));
            }
        }
        SubjectRole role = enumValue(node, "role", SubjectRole.class, true, pointer + "/role", problems);
        JsonNode flag = node.get("protectedIdentity");
        if (flag != null && !flag.isBoolean()) {
            problems.add(new Problem("invalid_format", pointer + "/protectedIdentity"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new PersonRef(number.asText(), role, flag != null && flag.asBoolean());
    }

    /** Null if the number is valid, else the rule it breaks: {@code format}, {@code date} or {@code checksum}. */
    public static String personnummerRule(String number, LocalDate today) {
        try {
            Personnummer.parse(number.strip(), today);
            return null;
        } catch (SambandException e) {
            // the message is "<code>: <rule>: <what>", e.g. "invalid_personnummer: checksum: check digit ..."
            String message = e.getMessage() == null ? "" : e.getMessage();
            String prefix = e.code().code() + ": ";
            String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
            int colon = detail.indexOf(':');
            String rule = colon > 0 ? detail.substring(0, colon) : "format";
            return Set.of("format", "date", "checksum").contains(rule) ? rule : "format";
        }
    }

    private <E extends Enum<E>> E enumValue(JsonNode body, String field, Class<E> type, boolean required,
                                            List<Problem> problems) {
        return enumValue(body, field, type, required, "/" + field, problems);
    }

    private <E extends Enum<E>> E enumValue(JsonNode body, String field, Class<E> type, boolean required,
                                            String pointer, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem("missing", pointer));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid_value", pointer));
            return null;
        }
    }

    private static String text(JsonNode body, String field, Pattern pattern, List<Problem> problems) {
        return text(body, field, pattern, "/" + field, problems);
    }

    private static String text(JsonNode body, String field, Pattern pattern, String pointer, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !pattern.matcher(node.asText()).matches()) {
            problems.add(new Problem(node.isTextual() && node.asText().length() > 64 ? "too_long" : "invalid_format",
                    pointer));
            return null;
        }
        return node.asText();
    }

    private static Instant instant(JsonNode body, String field, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("invalid_format", "/" + field));
            return null;
        }
    }

    private static UUID uuid(JsonNode body, String field, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid_format", "/" + field));
            return null;
        }
    }

    /** An unknown field name is the caller's text: keep it only if it is a plain identifier, never a value. */
    private static String safeName(String name) {
        return name.matches("^[A-Za-z][A-Za-z0-9_]{0,40}$") ? name : "(unnamed)";
    }
}
