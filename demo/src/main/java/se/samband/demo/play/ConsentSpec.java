package se.samband.demo.play;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A consent as the recording agency's case system registers it with its connector ({@code POST /api/v1/consents}):
 * the record of DOMAIN.md with the person's personnummer, which the connector pseudonymises before it goes to the
 * hub. Named parties only; valid from a minute ago for half a year.
 */
public final class ConsentSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String consentId;
    private final String personnummer;
    private List<String> senders = List.of();
    private List<String> recipients = List.of();
    private List<String> noticeTypes = List.of();
    private List<String> dataCategories = List.of();
    private List<String> purposes = List.of();
    private String function = "Handläggare";
    private String form = "WRITTEN";

    private ConsentSpec(String consentId, String personnummer) {
        this.consentId = consentId;
        this.personnummer = personnummer;
    }

    public static ConsentSpec of(String consentId, String personnummer) {
        return new ConsentSpec(consentId, personnummer);
    }

    public ConsentSpec from(String... participantIds) {
        senders = List.of(participantIds);
        return this;
    }

    public ConsentSpec to(String... participantIds) {
        recipients = List.of(participantIds);
        return this;
    }

    public ConsentSpec types(String... types) {
        noticeTypes = List.of(types);
        return this;
    }

    public ConsentSpec categories(String... categories) {
        dataCategories = List.of(categories);
        return this;
    }

    public ConsentSpec purposes(String... purposeCodes) {
        purposes = List.of(purposeCodes);
        return this;
    }

    public ConsentSpec recordedBy(String recordingFunction, String consentForm) {
        this.function = recordingFunction;
        this.form = consentForm;
        return this;
    }

    String consentId() {
        return consentId;
    }

    List<String> recipients() {
        return recipients;
    }

    List<String> noticeTypes() {
        return noticeTypes;
    }

    ObjectNode toJson(Instant now) {
        ObjectNode json = JSON.createObjectNode()
                .put("consentId", consentId)
                .put("personnummer", personnummer)
                .put("givenBy", "SELF")
                .put("recordedByFunction", function)
                .put("form", form)
                .put("evidenceRef", "demo-" + consentId)
                .put("validFrom", now.minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("validTo", now.plus(180, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("effect", "PERMIT");
        array(json, "senders", senders);
        array(json, "recipients", recipients);
        array(json, "noticeTypes", noticeTypes);
        array(json, "dataCategories", dataCategories);
        array(json, "purposes", purposes);
        return json;
    }

    private static void array(ObjectNode json, String name, List<String> values) {
        ArrayNode array = json.putArray(name);
        values.forEach(array::add);
    }
}
