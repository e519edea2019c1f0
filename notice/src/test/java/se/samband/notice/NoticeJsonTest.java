package se.samband.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.notice.TestHeaders.bytes;
import static se.samband.notice.TestHeaders.caseNotice;
import static se.samband.notice.TestHeaders.caseNoticeTree;
import static se.samband.notice.TestHeaders.receipt;
import static se.samband.notice.TestHeaders.text;
import static se.samband.notice.TestHeaders.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class NoticeJsonTest {
    private final NoticeJson json = NoticeJson.strict();

    // ---- header: writing and round trips ------------------------------------------------------

    @Test
    void roundTripsCaseNoticeHeader() {
        NoticeHeader header = caseNotice().protectedIdentity(true).reasonCode("PLANNED_RELEASE").build();

        assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
    }

    @Test
    void roundTripsReceiptHeader() {
        NoticeHeader header = receipt().build();

        assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
    }

    @Test
    void writesCompactJsonInContractOrderWithIsoInstantsAndNoNulls() {
        String written = text(json.writeHeader(receipt().build()));

        assertThat(written).isEqualTo("{\"noticeId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"schemaVersion\":1,"
                + "\"type\":\"ACCEPTED\",\"sender\":\"socialtjanst.bollnas\","
                + "\"recipients\":[\"kriminalvarden.frivard-gavle\"],\"subjects\":[],\"purpose\":\"SERVICE\","
                + "\"dataCategories\":[],\"protectedIdentity\":false,\"created\":\"2026-11-22T09:00:00Z\","
                + "\"inReplyTo\":\"3f1c2a4e-8d7b-4c1a-9e2f-5b6a7c8d9e0f\","
                + "\"bodyDigest\":\"n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg\"}");
    }

    @Test
    void writesDataCategoriesInEnumOrderWhateverTheSetOrder() {
        Set<DataCategory> all = EnumSet.allOf(DataCategory.class);
        String written = text(json.writeHeader(caseNotice().dataCategories(Set.copyOf(all)).build()));

        StringBuilder expected = new StringBuilder("\"dataCategories\":[");
        for (DataCategory category : DataCategory.values()) {
            expected.append(category.ordinal() == 0 ? "" : ",").append('"').append(category.name()).append('"');
        }
        assertThat(written).contains(expected.append(']'));
    }

    @Test
    void readsHeaderFromItsOwnBytesWhateverTheirLayout() {
        String compact = text(json.writeHeader(caseNotice().build()));
        String spaced = compact.replace(",\"", ",\n  \"").replace("{\"", "{ \"");

        assertThat(json.readHeader(utf8(spaced))).isEqualTo(caseNotice().build());
    }

    @Test
    void keepsNanosecondInstants() {
        NoticeHeader header = caseNotice().created(TestHeaders.CREATED.plusNanos(123_456_789)).build();

        assertThat(text(json.writeHeader(header))).contains("\"created\":\"2026-11-22T09:00:00.123456789Z\"");
        assertThat(json.readHeader(json.writeHeader(header)).created()).isEqualTo(header.created());
    }

    // ---- header: one test per refusal -----------------------------------------------------------

    @Test
    void refusesHeaderOverTheConfiguredLimit() {
        NoticeJson small = NoticeJson.strict(new NoticeLimits(200, 4096, 8));
        byte[] header = json.writeHeader(caseNotice().build());

        assertThat(header.length).isGreaterThan(200);
        assertRefused(() -> small.readHeader(header), ErrorCode.HEADER_TOO_LARGE);
        assertRefused(() -> small.writeHeader(caseNotice().build()), ErrorCode.HEADER_TOO_LARGE);
    }

    @Test
    void refusesHeaderThatIsNotJson() {
        assertRefused(() -> json.readHeader(utf8("noticeId=1")), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readHeader(utf8("{\"noticeId\":")), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void refusesTrailingGarbageAfterHeader() {
        String valid = text(json.writeHeader(caseNotice().build()));

        assertRefused(() -> json.readHeader(utf8(valid + "x")), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readHeader(utf8(valid + "{}")), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void refusesHeaderInUtf16OrWithByteOrderMark() {
        String valid = text(json.writeHeader(caseNotice().build()));
        byte[] bom = new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] withBom = new byte[bom.length + valid.length()];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8(valid), 0, withBom, bom.length, valid.length());

        assertRefused(() -> json.readHeader(valid.getBytes(StandardCharsets.UTF_16LE)), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readHeader(withBom), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void refusesDuplicateKeyInHeader() {
        String valid = text(json.writeHeader(caseNotice().build()));
        String duplicated = valid.replace("\"purpose\":\"SUPPORT_CONTACT\"",
                "\"purpose\":\"SUPPORT_CONTACT\",\"purpose\":\"TREATMENT\"");

        SambandException refusal = assertRefused(() -> json.readHeader(utf8(duplicated)), ErrorCode.DUPLICATE_KEY);
        assertThat(refusal.getMessage()).contains("/purpose").doesNotContain("TREATMENT");
    }

    @Test
    void refusesDuplicateKeyInsideNestedSubject() {
        String valid = text(json.writeHeader(caseNotice().build()));
        String duplicated = valid.replace("\"role\":\"PERPETRATOR\"", "\"role\":\"PERPETRATOR\",\"role\":\"VICTIM\"");

        SambandException refusal = assertRefused(() -> json.readHeader(utf8(duplicated)), ErrorCode.DUPLICATE_KEY);
        assertThat(refusal.getMessage()).contains("/subjects/0/role");
    }

    @Test
    void refusesUnknownTopLevelHeaderField() {
        ObjectNode tree = caseNoticeTree();
        tree.put("comment", "call before noon");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.UNKNOWN_FIELD);
        assertThat(refusal.getMessage()).contains("/comment").doesNotContain("noon");
    }

    @Test
    void refusesUnknownFieldInNestedSubject() {
        ObjectNode tree = caseNoticeTree();
        ((ObjectNode) tree.withArray("subjects").get(0)).put("name", "Anna");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.UNKNOWN_FIELD);
        assertThat(refusal.getMessage()).contains("/subjects/0/name").doesNotContain("Anna");
    }

    @Test
    void refusesUnknownFieldInLegalBasis() {
        ObjectNode tree = caseNoticeTree();
        tree.with("legalBasis").put("scope", "ALL");

        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.UNKNOWN_FIELD);
    }

    @Test
    void refusesHeaderNestedTwelveLevels() {
        String valid = text(json.writeHeader(caseNotice().build()));
        String deep = valid.replace("\"caseRef\":\"FRIV-2026/118\"",
                "\"caseRef\":" + "[".repeat(12) + "1" + "]".repeat(12));

        assertRefused(() -> json.readHeader(utf8(deep)), ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void acceptsHeaderNestedToTheLimitButNoDeeper() {
        NoticeJson shallow = NoticeJson.strict(new NoticeLimits(16 * 1024, 1024 * 1024, 2));

        // A case notice is 3 levels deep: header object, subjects array, subject object.
        assertRefused(() -> shallow.readHeader(json.writeHeader(caseNotice().build())), ErrorCode.NESTING_TOO_DEEP);
        assertThat(shallow.readHeader(json.writeHeader(receipt().build()))).isEqualTo(receipt().build());
    }

    @Test
    void refusesHeaderMissingRequiredField() {
        ObjectNode tree = caseNoticeTree();
        tree.remove("bodyDigest");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.MISSING_FIELD);
        assertThat(refusal.getMessage()).contains("/bodyDigest");
    }

    @Test
    void refusesSubjectMissingRole() {
        ObjectNode tree = caseNoticeTree();
        ((ObjectNode) tree.withArray("subjects").get(0)).remove("role");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.MISSING_FIELD);
        assertThat(refusal.getMessage()).contains("/subjects/0/role");
    }

    @Test
    void refusesHeaderMissingSchemaVersion() {
        ObjectNode tree = caseNoticeTree();
        tree.remove("schemaVersion");

        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesOtherSchemaVersions() {
        ObjectNode tree = caseNoticeTree();
        tree.put("schemaVersion", 2);

        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
        tree.put("schemaVersion", 0);
        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void refusesSchemaVersionThatIsNotAnInteger() {
        ObjectNode tree = caseNoticeTree();
        tree.put("schemaVersion", "1");

        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesHeaderThatViolatesTheSchema() {
        ObjectNode tree = caseNoticeTree();
        tree.put("type", "GOSSIP");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.SCHEMA_VIOLATION);
        assertThat(refusal.getMessage()).contains("/type").contains("enum").doesNotContain("GOSSIP");
    }

    @Test
    void refusesHeaderThatIsNotAnObject() {
        assertRefused(() -> json.readHeader(utf8("[1,2]")), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesControlCharacterThatJavaDollarWouldLetThrough() {
        ObjectNode tree = caseNoticeTree();
        tree.put("caseRef", "FRIV-2026/118\n");

        assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.SCHEMA_VIOLATION);
    }

    // ---- header: rules across fields ----------------------------------------------------------

    @Test
    void refusesReceiptWithoutInReplyTo() {
        assertRefused(() -> json.writeHeader(receipt().inReplyTo(null).build()), ErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesReceiptCarryingLegalBasis() {
        ObjectNode tree = TestHeaders.tree(json.writeHeader(receipt().build()));
        tree.putObject("legalBasis").put("code", "NECESSARY_OWN_TASK");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.SCHEMA_VIOLATION);
        assertThat(refusal.getMessage()).contains("/legalBasis");
    }

    @Test
    void refusesCaseNoticeWithoutLegalBasisPurposeSubjectOrRecipient() {
        assertRefused(() -> json.writeHeader(caseNotice().legalBasis(null).build()), ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.writeHeader(caseNotice().purpose(null).build()), ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.writeHeader(caseNotice().subjects(java.util.List.of()).build()),
                ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.writeHeader(caseNotice().recipients(java.util.List.of()).build()),
                ErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesConsentBasisWithoutConsentId() {
        ObjectNode tree = caseNoticeTree();
        tree.with("legalBasis").remove("consentId");

        SambandException refusal = assertRefused(() -> json.readHeader(bytes(tree)), ErrorCode.MISSING_FIELD);
        assertThat(refusal.getMessage()).contains("/legalBasis/consentId");
    }

    @Test
    void refusesConsentIdOnAnotherBasis() {
        NoticeHeader header = caseNotice()
                .legalBasis(new LegalBasisClaim(LegalBasisCode.NECESSARY_OWN_TASK, "KV-GAV-2026-0042", null)).build();

        assertRefused(() -> json.writeHeader(header), ErrorCode.SCHEMA_VIOLATION);
    }

    @Test
    void refusesEmergencyWithoutReasonCode() {
        assertRefused(() -> json.writeHeader(caseNotice().legalBasis(LegalBasisClaim.of(LegalBasisCode.EMERGENCY))
                .build()), ErrorCode.MISSING_FIELD);
        NoticeHeader withReason = caseNotice()
                .legalBasis(new LegalBasisClaim(LegalBasisCode.EMERGENCY, null, "THREAT_TO_LIFE")).build();
        assertThat(json.readHeader(json.writeHeader(withReason))).isEqualTo(withReason);
    }

    @Test
    void refusesExpiryOrRespondByBeforeCreation() {
        assertRefused(() -> json.writeHeader(caseNotice().expires(TestHeaders.CREATED.minusSeconds(1)).build()),
                ErrorCode.SCHEMA_VIOLATION);
        assertRefused(() -> json.writeHeader(caseNotice().respondBy(TestHeaders.CREATED.minusSeconds(1)).build()),
                ErrorCode.SCHEMA_VIOLATION);
        NoticeHeader sameInstant = caseNotice().expires(TestHeaders.CREATED).build();
        assertThat(json.readHeader(json.writeHeader(sameInstant))).isEqualTo(sameInstant);
    }

    @Test
    void refusesHeaderWithoutBodyDigest() {
        assertRefused(() -> json.writeHeader(caseNotice().bodyDigest(null).build()), ErrorCode.MISSING_FIELD);
    }

    // ---- container ----------------------------------------------------------------------------

    @Test
    void roundTripsContainer() {
        SealedNotice notice = new SealedNotice(json.writeHeader(caseNotice().build()), new byte[] {48, -126, 1, 2, 3},
                new byte[] {48, -128, 6, 9, 42, -122, 72, -122, -9, 13, 1, 9, 16, 1, 23});

        byte[] container = json.writeContainer(notice);

        assertThat(json.readContainer(container)).isEqualTo(notice);
        assertThat(TestHeaders.tree(container).fieldNames()).toIterable()
                .containsExactly("header", "signature", "body");
    }

    @Test
    void writesHeaderAsBase64UrlWithoutPaddingAndTheRestAsStandardBase64() {
        byte[] header = {(byte) 0xfb, (byte) 0xff};
        byte[] other = {(byte) 0xfb, (byte) 0xff};

        String container = text(json.writeContainer(new SealedNotice(header, other, other)));

        assertThat(container).isEqualTo("{\"header\":\"-_8\",\"signature\":\"+/8=\",\"body\":\"+/8=\"}");
    }

    @Test
    void refusesContainerOverTheConfiguredLimitBeforeParsing() {
        NoticeJson small = NoticeJson.strict(NoticeLimits.defaults().withMaxContainerBytes(64));
        // Not even JSON: the size check must come first.
        byte[] oversize = new byte[65];

        assertRefused(() -> small.readContainer(oversize), ErrorCode.NOTICE_TOO_LARGE);
        assertRefused(() -> small.writeContainer(new SealedNotice(new byte[10], new byte[10], new byte[40])),
                ErrorCode.NOTICE_TOO_LARGE);
    }

    @Test
    void refusesContainerWhoseDecodedHeaderIsOverTheLimit() {
        NoticeJson small = NoticeJson.strict(new NoticeLimits(16, 4096, 8));
        byte[] container = json.writeContainer(new SealedNotice(new byte[17], new byte[4], new byte[4]));

        assertRefused(() -> small.readContainer(container), ErrorCode.HEADER_TOO_LARGE);
        assertThat(small.readContainer(json.writeContainer(new SealedNotice(new byte[16], new byte[4], new byte[4])))
                .header()).hasSize(16);
    }

    @Test
    void refusesContainerThatIsNotJson() {
        assertRefused(() -> json.readContainer(utf8("header=abc")), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readContainer(utf8("[\"abc\"]")), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readContainer(utf8("{\"header\":\"AAAA\"")), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void refusesTrailingGarbageAfterContainer() {
        String valid = text(json.writeContainer(new SealedNotice(new byte[3], new byte[3], new byte[3])));

        assertRefused(() -> json.readContainer(utf8(valid + " {}")), ErrorCode.MALFORMED_JSON);
        assertRefused(() -> json.readContainer(utf8(valid + "]")), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void refusesDuplicateKeyInContainer() {
        String twice = "{\"header\":\"AAAA\",\"signature\":\"AAAA\",\"body\":\"AAAA\",\"body\":\"AAAA\"}";

        SambandException refusal = assertRefused(() -> json.readContainer(utf8(twice)), ErrorCode.DUPLICATE_KEY);
        assertThat(refusal.getMessage()).contains("/body");
    }

    @Test
    void refusesUnknownContainerMember() {
        String extra = "{\"header\":\"AAAA\",\"signature\":\"AAAA\",\"body\":\"AAAA\",\"sender\":\"polisen.x\"}";

        SambandException refusal = assertRefused(() -> json.readContainer(utf8(extra)), ErrorCode.UNKNOWN_FIELD);
        assertThat(refusal.getMessage()).contains("/sender");
    }

    @Test
    void refusesContainerNestedTwelveLevelsEvenInAnUnknownMember() {
        String deep = "{\"header\":\"AAAA\",\"x\":" + "[".repeat(12) + "]".repeat(12)
                + ",\"signature\":\"AAAA\",\"body\":\"AAAA\"}";

        assertRefused(() -> json.readContainer(utf8(deep)), ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void refusesContainerMissingAMember() {
        assertRefused(() -> json.readContainer(utf8("{\"header\":\"AAAA\",\"body\":\"AAAA\"}")),
                ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.readContainer(utf8("{\"signature\":\"AAAA\",\"body\":\"AAAA\"}")),
                ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.readContainer(utf8("{\"header\":\"AAAA\",\"signature\":\"AAAA\",\"body\":null}")),
                ErrorCode.MISSING_FIELD);
        assertRefused(() -> json.readContainer(utf8("{\"header\":\"\",\"signature\":\"AAAA\",\"body\":\"AAAA\"}")),
                ErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesBadBase64InHeaderMember() {
        // Standard alphabet, padding, whitespace, impossible length, non-canonical trailing bits.
        for (String header : new String[] {"+/8", "-_8=", "AA AA", "AAAAA", "-_9"}) {
            assertRefused(() -> json.readContainer(container(header, "AAAA", "AAAA")), ErrorCode.BAD_BASE64);
        }
    }

    @Test
    void refusesBadBase64InSignatureMember() {
        // URL alphabet, missing padding, line break, non-canonical trailing bits, a number instead of text.
        for (String signature : new String[] {"-_8=", "+/8", "AAAA\\nAAAA", "+/9=", "QR=="}) {
            assertRefused(() -> json.readContainer(container("AAAA", signature, "AAAA")), ErrorCode.BAD_BASE64);
        }
        assertRefused(() -> json.readContainer(utf8("{\"header\":\"AAAA\",\"signature\":42,\"body\":\"AAAA\"}")),
                ErrorCode.BAD_BASE64);
    }

    @Test
    void refusesBadBase64InBodyMember() {
        for (String body : new String[] {"-_8=", "+/8", "AA=A", "AAAA====", "AAAA AAAA"}) {
            assertRefused(() -> json.readContainer(container("AAAA", "AAAA", body)), ErrorCode.BAD_BASE64);
        }
    }

    @Test
    void acceptsEveryCanonicalBase64Length() {
        for (int length = 1; length <= 7; length++) {
            byte[] value = new byte[length];
            java.util.Arrays.fill(value, (byte) 0xfe);
            SealedNotice notice = new SealedNotice(value, value, value);

            assertThat(json.readContainer(json.writeContainer(notice))).isEqualTo(notice);
        }
    }

    private static byte[] container(String header, String signature, String body) {
        return utf8("{\"header\":\"" + header + "\",\"signature\":\"" + signature + "\",\"body\":\"" + body + "\"}");
    }

    static SambandException assertRefused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(SambandException.class);
        SambandException refusal = (SambandException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        assertThat(refusal.getCause()).isNull();
        return refusal;
    }
}
