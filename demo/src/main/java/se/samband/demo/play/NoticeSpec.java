package se.samband.demo.play;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notice as a case system hands it to its connector ({@code POST /api/v1/notices} of the connector's local API):
 * plain personnummer, the wanted recipient (ids, or a kind and where it serves, resolved by the connector through the
 * hub's directory), purpose, categories, basis and the payload fields that go into the sealed body.
 */
public final class NoticeSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final List<String> recipients = new ArrayList<>();
    private final Map<String, String> recipientQuery = new LinkedHashMap<>();
    private final List<ObjectNode> relatedPersons = new ArrayList<>();
    private final Map<String, Object> payload = new LinkedHashMap<>();
    private final List<String> dataCategories = new ArrayList<>();
    private ObjectNode subject;
    private String purpose;
    private String legalBasis;
    private String consentId;
    private String reasonCode;
    private String caseRef;
    private Instant respondBy;

    private NoticeSpec(String type) {
        this.type = type;
    }

    public static NoticeSpec of(String type) {
        return new NoticeSpec(type);
    }

    /** Named recipients (participant ids). */
    public NoticeSpec to(String... participantIds) {
        recipients.addAll(List.of(participantIds));
        return this;
    }

    /** A recipient the connector resolves through the hub's directory, e.g. kind SOCIALTJANST, municipality 2183. */
    public NoticeSpec toWhoServes(String kind, String criterion, String value) {
        recipientQuery.put("kind", kind);
        recipientQuery.put(criterion, value);
        return this;
    }

    /** One more criterion for the resolved recipient, e.g. service GROUP_PROGRAMME. */
    public NoticeSpec where(String criterion, String value) {
        recipientQuery.put(criterion, value);
        return this;
    }

    public NoticeSpec about(String personnummer, String role) {
        this.subject = person(personnummer, role, false);
        return this;
    }

    public NoticeSpec related(String personnummer, String role, boolean protectedIdentity) {
        relatedPersons.add(person(personnummer, role, protectedIdentity));
        return this;
    }

    public NoticeSpec purpose(String purpose) {
        this.purpose = purpose;
        return this;
    }

    public NoticeSpec categories(String... categories) {
        dataCategories.addAll(List.of(categories));
        return this;
    }

    public NoticeSpec consent(String consentId) {
        this.legalBasis = "CONSENT";
        this.consentId = consentId;
        return this;
    }

    public NoticeSpec basis(String legalBasis) {
        this.legalBasis = legalBasis;
        return this;
    }

    public NoticeSpec reason(String reasonCode) {
        this.reasonCode = reasonCode;
        return this;
    }

    public NoticeSpec caseRef(String caseRef) {
        this.caseRef = caseRef;
        return this;
    }

    public NoticeSpec respondBy(Instant respondBy) {
        this.respondBy = respondBy;
        return this;
    }

    public NoticeSpec field(String name, Object value) {
        payload.put(name, value);
        return this;
    }

    String type() {
        return type;
    }

    /** The basis as the timeline shows it, e.g. {@code CONSENT c-bollnas-1} or {@code DUTY_CHILD_CONCERN}. */
    String basisLabel() {
        return consentId == null ? legalBasis : legalBasis + " " + consentId;
    }

    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode().put("type", type);
        if (!recipients.isEmpty()) {
            ArrayNode ids = json.putArray("recipients");
            recipients.forEach(ids::add);
        } else {
            ObjectNode query = json.putObject("recipient");
            recipientQuery.forEach(query::put);
        }
        json.set("subject", subject);
        ArrayNode related = json.putArray("relatedPersons");
        relatedPersons.forEach(related::add);
        json.put("purpose", purpose);
        ArrayNode categories = json.putArray("dataCategories");
        dataCategories.forEach(categories::add);
        json.put("legalBasis", legalBasis);
        putIfSet(json, "consentId", consentId);
        putIfSet(json, "reasonCode", reasonCode);
        putIfSet(json, "caseRef", caseRef);
        putIfSet(json, "respondBy", respondBy == null ? null : respondBy.toString());
        json.set("payload", JSON.valueToTree(payload));
        return json;
    }

    private static ObjectNode person(String personnummer, String role, boolean protectedIdentity) {
        return JSON.createObjectNode().put("personnummer", personnummer).put("role", role)
                .put("protectedIdentity", protectedIdentity);
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
