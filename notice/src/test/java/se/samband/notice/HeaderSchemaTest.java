package se.samband.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.notice.NoticeJsonTest.assertRefused;
import static se.samband.notice.TestHeaders.bytes;
import static se.samband.notice.TestHeaders.caseNotice;
import static se.samband.notice.TestHeaders.caseNoticeTree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.error.ErrorCode;

class HeaderSchemaTest {
    private final NoticeJson json = NoticeJson.strict();

    @Test
    void schemaEnumsEqualTheJavaEnums() throws IOException {
        JsonNode schema = schema();

        assertThat(strings(schema.at("/properties/type/enum"))).isEqualTo(names(NoticeType.values()));
        assertThat(strings(schema.at("/properties/purpose/enum"))).isEqualTo(names(Purpose.values()));
        assertThat(strings(schema.at("/properties/dataCategories/items/enum"))).isEqualTo(names(DataCategory.values()));
        assertThat(strings(schema.at("/$defs/subject/properties/role/enum"))).isEqualTo(names(SubjectRole.values()));
        assertThat(strings(schema.at("/$defs/legalBasis/properties/code/enum")))
                .isEqualTo(names(LegalBasisCode.values()));
    }

    @Test
    void schemaDeclaresDraft202012AndClosesEveryObject() throws IOException {
        JsonNode schema = schema();

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/$defs/subject/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/$defs/legalBasis/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void schemaKnowsEveryFieldOfTheHeaderRecord() throws IOException {
        List<String> recordFields = Arrays.stream(NoticeHeader.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();

        assertThat(strings(schema().get("properties").fieldNames())).containsExactlyInAnyOrderElementsOf(recordFields);
    }

    @Test
    void acceptsUpToSixtyFourRecipientsButNotMore() {
        assertThat(json.readHeader(bytes(withRecipients(64)))).isNotNull();
        assertRefused(() -> json.readHeader(bytes(withRecipients(65))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void acceptsUpToSixteenSubjectsButNotMore() {
        assertThat(json.readHeader(bytes(withSubjects(16)))).isNotNull();
        assertRefused(() -> json.readHeader(bytes(withSubjects(17))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesRepeatedRecipientOrDataCategory() {
        assertRefused(() -> json.readHeader(edit(t -> t.withArray("recipients").add("socialtjanst.bollnas"))),
                ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.withArray("dataCategories").add("CONTACT_DETAILS"))),
                ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3F1C2A4E-8D7B-4C1A-9E2F-5B6A7C8D9E0F", "3f1c2a4e8d7b4c1a9e2f5b6a7c8d9e0f", "42", ""})
    void refusesNoticeIdThatIsNotACanonicalUuid(String id) {
        assertRefused(() -> json.readHeader(edit(t -> t.put("noticeId", id))), ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Socialtjanst.bollnas", "socialtjanst", "socialtjanst.bollnas.", "s.x", "a b.c",
        "socialtjanst.-bollnas"})
    void refusesParticipantIdThatIsNotKindDotSlug(String id) {
        assertRefused(() -> json.readHeader(edit(t -> t.put("sender", id))), ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps1:short", "ps2:Qm9sbG5hc1BlcnBldHJhdG9yU2FtcGxlS2V5MDEyMzQ",
        "ps1:Qm9sbG5hc1BlcnBldHJhdG9yU2FtcGxlS2V5MDEyMzQ=", "ps1:Qm9sbG5hc1BlcnBldHJhdG9yU2FtcGxlS2V5MDEyM+Q",
        "ps1:Qm9sbG5hc1BlcnBldHJhdG9yU2FtcGxlS2V5MDEyMzR"})
    void refusesPseudonymThatIsNotPs1AndFortyThreeBase64UrlCharacters(String pseudonym) {
        assertRefused(() -> json.readHeader(edit(t -> ((ObjectNode) t.withArray("subjects").get(0))
                .put("pseudonym", pseudonym))), ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00+01:00", "2026-11-22 09:00:00Z", "2026-11-22T09:00Z",
        "2026-02-30T09:00:00Z", "2026-11-22T09:00:00.1234567891Z", "1763802000"})
    void refusesInstantThatIsNotIsoUtc(String instant) {
        assertRefused(() -> json.readHeader(edit(t -> t.put("created", instant))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesInstantAsNumber() {
        assertRefused(() -> json.readHeader(edit(t -> t.put("created", 1763802000L))), ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hold_expired", "HOLD EXPIRED", "1HOLD", "HOLD-EXPIRED"})
    void refusesReasonCodeThatIsNotAnUpperCaseCode(String code) {
        assertRefused(() -> json.readHeader(edit(t -> t.put("reasonCode", code))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesOverlongCodes() {
        String longCode = "A".repeat(65);

        assertRefused(() -> json.readHeader(edit(t -> t.put("reasonCode", longCode))), ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.put("caseRef", longCode))), ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.with("legalBasis").put("consentId", longCode))),
                ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent #7", "samtycke/7", "", "åtta"})
    void refusesConsentIdOutsideItsAlphabet(String consentId) {
        assertRefused(() -> json.readHeader(edit(t -> t.with("legalBasis").put("consentId", consentId))),
                ErrorCode.SCHEMA_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna Andersson", "Storgatan 1", "ring mig", ""})
    void refusesFreeTextInCaseRef(String caseRef) {
        assertRefused(() -> json.readHeader(edit(t -> t.put("caseRef", caseRef))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesExplicitNullForOptionalField() {
        assertRefused(() -> json.readHeader(edit(t -> t.putNull("caseRef"))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesBodyDigestOfWrongLengthOrAlphabet() {
        assertRefused(() -> json.readHeader(edit(t -> t.put("bodyDigest", "abc"))), ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.put("bodyDigest",
                "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg"))), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesWrongTypes() {
        assertRefused(() -> json.readHeader(edit(t -> t.put("protectedIdentity", "false"))),
                ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.put("recipients", "socialtjanst.bollnas"))),
                ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.readHeader(edit(t -> t.put("subjects", 3))), ErrorCode.SCHEMA_VIOLATION);
    }

    private ObjectNode withRecipients(int count) {
        ObjectNode tree = caseNoticeTree();
        ArrayNode recipients = tree.putArray("recipients");
        for (int i = 0; i < count; i++) {
            recipients.add("socialtjanst.kommun-" + i);
        }
        return tree;
    }

    private ObjectNode withSubjects(int count) {
        ObjectNode tree = caseNoticeTree();
        ArrayNode subjects = tree.putArray("subjects");
        for (int i = 0; i < count; i++) {
            subjects.addObject().put("pseudonym", "ps1:" + TestHeaders.base64Url43("subject" + (char) ('a' + i)))
                    .put("role", "CHILD").put("protectedIdentity", true);
        }
        return tree;
    }

    private static byte[] edit(Consumer<ObjectNode> change) {
        ObjectNode tree = caseNoticeTree();
        change.accept(tree);
        return bytes(tree);
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = NoticeJson.class.getResourceAsStream("notice-header-v1.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("schema node is an array").isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static List<String> strings(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void acceptsTheExampleHeaderOfTheReadme() throws IOException {
        // Surefire runs in the module directory. The README shows the example pretty-printed; the reader
        // accepts any layout because it reads the bytes as signed.
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```json\n{\n  \"noticeId\"");
        assertThat(start).as("README example header").isNotNegative();
        String example = readme.substring(readme.indexOf('{', start), readme.indexOf("```", start + 7));

        assertThat(json.readHeader(example.getBytes(StandardCharsets.UTF_8))).isEqualTo(caseNotice().build());
    }
}
