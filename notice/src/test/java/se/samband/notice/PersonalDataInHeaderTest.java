package se.samband.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.notice.NoticeJsonTest.assertRefused;
import static se.samband.notice.TestHeaders.bytes;
import static se.samband.notice.TestHeaders.caseNotice;
import static se.samband.notice.TestHeaders.caseNoticeTree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class PersonalDataInHeaderTest {
    private final NoticeJson json = NoticeJson.strict();

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "6408233234", "196408233234", "19640823-3234", "640823+3234",
        "KV-640823-3234", "CASE6408233234", "701063-2391", "2026/6408233234"})
    void refusesPersonnummerShapedCaseRef(String caseRef) {
        SambandException refusal = assertRefused(() -> json.readHeader(edit(t -> t.put("caseRef", caseRef))),
                ErrorCode.PERSONAL_DATA_IN_HEADER);

        assertThat(refusal.getMessage()).contains("/caseRef").doesNotContain(caseRef).doesNotContain("3234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "R_6408233234", "X196408233234"})
    void refusesPersonnummerShapedReasonCode(String reasonCode) {
        // Some of these also break the reasonCode pattern; personal data is reported as what it is.
        assertRefused(() -> json.readHeader(edit(t -> t.put("reasonCode", reasonCode))),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "samtycke:196408233234", "c.6408233234"})
    void refusesPersonnummerShapedConsentId(String consentId) {
        assertRefused(() -> json.readHeader(edit(t -> t.with("legalBasis").put("consentId", consentId))),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
    }

    @Test
    void refusesPersonnummerInPseudonymFieldThatIsNoPseudonym() {
        assertRefused(() -> json.readHeader(edit(t -> ((ObjectNode) t.withArray("subjects").get(0))
                .put("pseudonym", "640823-3234"))), ErrorCode.PERSONAL_DATA_IN_HEADER);
    }

    @Test
    void refusesPersonnummerInUnknownFieldAndAsKey() {
        assertRefused(() -> json.readHeader(edit(t -> t.put("note", "pnr 640823-3234"))),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
        SambandException refusal = assertRefused(() -> json.readHeader(edit(t -> t.put("6408233234", true))),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
        assertThat(refusal.getMessage()).doesNotContain("6408233234");
    }

    @Test
    void refusesToWriteHeaderWithPersonnummerShapedValue() {
        assertRefused(() -> json.writeHeader(caseNotice().caseRef("640823-3234").build()),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
        assertRefused(() -> json.writeHeader(caseNotice().legalBasis(LegalBasisClaim.consent("19640823-3234")).build()),
                ErrorCode.PERSONAL_DATA_IN_HEADER);
    }

    /** The unchecked writer is for headers made from typed values only: what it writes is still read strictly. */
    @Test
    void theWriterWithoutReadBackWritesWhatTheReaderThenRefuses() {
        NoticeHeader header = caseNotice().caseRef("640823-3234").build();
        byte[] written = json.withoutWriteCheck().writeHeader(header);

        assertRefused(() -> json.withoutWriteCheck().readHeader(written), ErrorCode.PERSONAL_DATA_IN_HEADER);
        NoticeHeader clean = caseNotice().build();
        assertThat(json.withoutWriteCheck().writeHeader(clean)).isEqualTo(json.writeHeader(clean));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps1:", "ps1:-", "ps1:_", "ps1:AB-", "ps1:x"})
    void acceptsPseudonymsWhoseBase64UrlHoldsTenOrTwelveDigitsInARow(String prefix) {
        // base64url has '-' and '_', so a random pseudonym can hold a digit run delimited like a personnummer.
        for (String digits : new String[] {"6408233234", "196408233234", "640823-3234"}) {
            String pseudonym = "ps1:" + TestHeaders.base64Url43(prefix.substring(4) + digits + "_");
            NoticeHeader header = caseNotice()
                    .subjects(List.of(new Subject(pseudonym, SubjectRole.VICTIM, true))).build();

            assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
        }
    }

    @Test
    void acceptsUuidsAndDigestsWhoseDigitsLookLikePersonnummer() {
        UUID digitsOnlyTail = UUID.fromString("3f1c2a4e-8d7b-4c1a-9e2f-640823323400");
        UUID twelveDigitTail = UUID.fromString("3f1c2a4e-8d7b-4c1a-9e2f-196408233234");
        NoticeHeader header = caseNotice().noticeId(digitsOnlyTail)
                .bodyDigest(TestHeaders.base64Url43("-6408233234-196408233234_")).build();
        NoticeHeader receipt = TestHeaders.receipt().inReplyTo(twelveDigitTail).build();

        assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
        assertThat(json.readHeader(json.writeHeader(receipt))).isEqualTo(receipt);
    }

    @Test
    void acceptsConsentIdsAndCaseRefsMadeFromUuidsWhoseDigitsLookLikePersonnummer() {
        String consentId = "kvv-3f1c2a4e-8d7b-4c1a-9e2f-196408233234";
        String caseRef = "KV/19640823-3234-4c1a-9e2f-3f1c2a4e8d7b";
        NoticeHeader header = caseNotice().caseRef(caseRef).legalBasis(LegalBasisClaim.consent(consentId)).build();

        assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
        assertRefused(() -> json.readHeader(edit(t -> t.with("legalBasis").put("consentId", "640823-3234:"
                + consentId.substring(4)))), ErrorCode.PERSONAL_DATA_IN_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-0042", "KV-2026-118-77", "12345678901", "1234567890123", "R-6413993234"})
    void acceptsCaseRefsThatAreNotPersonnummerShaped(String caseRef) {
        NoticeHeader header = caseNotice().caseRef(caseRef).build();

        assertThat(json.readHeader(json.writeHeader(header)).caseRef()).isEqualTo(caseRef);
    }

    @Test
    void acceptsInstantsWithNanoseconds() {
        NoticeHeader header = caseNotice().created(TestHeaders.CREATED.plusNanos(640_823_323)).build();

        assertThat(json.readHeader(json.writeHeader(header))).isEqualTo(header);
    }

    private static byte[] edit(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode tree = caseNoticeTree();
        change.accept(tree);
        return bytes(tree);
    }
}
