package se.samband.notice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Valid headers to start from, and a way to hand-edit their JSON into bad ones. */
final class TestHeaders {
    static final String PSEUDONYM_A = "ps1:" + "Qm9sbG5hc1BlcnBldHJhdG9yU2FtcGxlS2V5MDEyMz" + "Q";
    static final String PSEUDONYM_B = "ps1:" + "VmljdGltU2FtcGxlUHNldWRvbnltVmFsdWVfLTAxMj" + "M";
    static final String DIGEST = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
    static final Instant CREATED = Instant.parse("2026-11-22T09:00:00Z");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private TestHeaders() {
    }

    static NoticeHeader.Builder caseNotice() {
        return NoticeHeader.builder()
                .noticeId(UUID.fromString("3f1c2a4e-8d7b-4c1a-9e2f-5b6a7c8d9e0f"))
                .type(NoticeType.RELEASE_CONTACT_CONSENT)
                .sender(ParticipantId.of("kriminalvarden.frivard-gavle"))
                .recipients(List.of(ParticipantId.of("socialtjanst.bollnas"), ParticipantId.of("polisen.gavleborg")))
                .subjects(List.of(new Subject(PSEUDONYM_A, SubjectRole.PERPETRATOR, false)))
                .purpose(Purpose.SUPPORT_CONTACT)
                .legalBasis(LegalBasisClaim.consent("KV-GAV-2026-0042"))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .created(CREATED)
                .expires(CREATED.plusSeconds(30L * 24 * 3600))
                .respondBy(CREATED.plusSeconds(5L * 24 * 3600))
                .caseRef("FRIV-2026/118")
                .bodyDigest(DIGEST);
    }

    static NoticeHeader.Builder receipt() {
        return NoticeHeader.builder()
                .noticeId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))
                .type(NoticeType.ACCEPTED)
                .sender(ParticipantId.of("socialtjanst.bollnas"))
                .recipients(List.of(ParticipantId.of("kriminalvarden.frivard-gavle")))
                .purpose(Purpose.SERVICE)
                .created(CREATED)
                .inReplyTo(UUID.fromString("3f1c2a4e-8d7b-4c1a-9e2f-5b6a7c8d9e0f"))
                .bodyDigest(DIGEST);
    }

    /** The valid case notice's JSON as a tree to edit. */
    static ObjectNode caseNoticeTree() {
        return tree(NoticeJson.strict().writeHeader(caseNotice().build()));
    }

    static ObjectNode tree(byte[] json) {
        try {
            return (ObjectNode) PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode tree) {
        try {
            return PLAIN.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** A 43-character canonical base64url value (32 bytes) that starts with the given text. */
    static String base64Url43(String start) {
        StringBuilder value = new StringBuilder(start);
        while (value.length() < 42) {
            value.append('A');
        }
        return value.append('w').toString();
    }
}
