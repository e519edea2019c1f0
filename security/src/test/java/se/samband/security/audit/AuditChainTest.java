package se.samband.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.audit.AuditFixtures.NOW;
import static se.samband.security.audit.AuditFixtures.decision;
import static se.samband.security.audit.AuditFixtures.decisions;
import static se.samband.security.audit.AuditFixtures.digest;
import static se.samband.security.audit.AuditFixtures.pseudonym;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class AuditChainTest {

    @Test
    void appendLinksEveryEntryToTheOneBeforeFromGenesis() throws Exception {
        List<AuditEntry> entries = AuditChain.append(ChainHead.GENESIS, decisions(1, 5));

        assertThat(entries).extracting(AuditEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).previousHash()).isEqualTo(new byte[32]);
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            if (i > 0) {
                assertThat(entry.previousHash()).isEqualTo(entries.get(i - 1).hash());
            }
            byte[] independent = MessageDigest.getInstance("SHA-256")
                    .digest(AuditorEncoding.entry(entry.position(), entry.event(), entry.previousHash()));
            assertThat(entry.hash()).isEqualTo(independent);
        }
    }

    @Test
    void appendingInBatchesGivesTheSameChainAsOneBatch() {
        List<AuditEntry> whole = AuditChain.append(ChainHead.GENESIS, decisions(1, 10));
        List<AuditEntry> first = AuditChain.append(ChainHead.GENESIS, decisions(1, 4));
        List<AuditEntry> rest = AuditChain.append(first.get(3).head(), decisions(5, 6));
        List<AuditEntry> batched = new ArrayList<>(first);
        batched.addAll(rest);
        assertThat(batched).isEqualTo(whole);
        assertThat(AuditChain.append(whole.get(9).head(), List.of())).isEmpty();
    }

    @Test
    void refusesANullEventInABatch() {
        List<AuditEvent> batch = new ArrayList<>(decisions(1, 2));
        batch.add(null);
        assertThatThrownBy(() -> AuditChain.append(ChainHead.GENESIS, batch))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID));
    }

    @Test
    void entriesAndHeadsRefuseWhatTheChainCannotHold() {
        AuditEvent event = decision(1);
        for (Runnable bad : List.<Runnable>of(
                () -> new AuditEntry(0, event, new byte[32], new byte[32]),
                () -> new AuditEntry(1, null, new byte[32], new byte[32]),
                () -> new AuditEntry(1, event, new byte[31], new byte[32]),
                () -> new AuditEntry(1, event, new byte[32], new byte[33]),
                () -> new ChainHead(-1, new byte[32]),
                () -> new ChainHead(1, new byte[16]),
                () -> AuditChain.canonical(1, event, new byte[8]))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(SambandException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID));
        }
    }

    @Test
    void entriesDoNotShareTheirHashArrays() {
        AuditEntry entry = AuditChain.append(ChainHead.GENESIS, decisions(1, 1)).get(0);
        byte[] leaked = entry.hash();
        leaked[0] ^= 0x01;
        assertThat(entry.hash()).isNotEqualTo(leaked);
        assertThat(entry.head()).isEqualTo(new ChainHead(1, entry.hash()));
        assertThat(ChainHead.GENESIS.hash()).isEqualTo(new byte[32]);
    }

    @Test
    void canonicalEncodingIsTheDocumentedLayout() {
        AuditEvent full = decision(5);
        AuditEvent sparse = AuditEvent.builder(AuditEventType.AUDIT_VERIFIED, NOW, "security-officer:u1042")
                .outcome(AuditOutcome.FAILED).reasonCode("HASH_MISMATCH").build();
        byte[] previous = digestBytes("previous");

        assertThat(AuditChain.canonical(42, full, previous)).isEqualTo(AuditorEncoding.entry(42, full, previous));
        assertThat(AuditChain.canonical(1, sparse, new byte[32]))
                .isEqualTo(AuditorEncoding.entry(1, sparse, new byte[32]));
    }

    @Test
    void canonicalEncodingStartsWithItsLabelAndVersion() {
        byte[] canonical = AuditChain.canonical(1, decision(1), new byte[32]);
        byte[] label = "SAMBAND-AUDIT-ENTRY".getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(canonical, label.length)).isEqualTo(label);
        assertThat(canonical[label.length]).isEqualTo((byte) 1);
    }

    @Test
    void movingAFieldBoundaryChangesTheHash() {
        AuditEvent abC = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, NOW, "polisen.ab")
                .counterpart("cx.d").build();
        AuditEvent aBc = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, NOW, "polisen.a")
                .counterpart("bcx.d").build();
        AuditEvent consentReason = AuditEvent.builder(AuditEventType.CONSENT_WITHDRAWN, NOW, "polisen.a")
                .consentId("ab").reasonCode("c").build();
        AuditEvent consentReasonShifted = AuditEvent.builder(AuditEventType.CONSENT_WITHDRAWN, NOW, "polisen.a")
                .consentId("a").reasonCode("bc").build();
        AuditEvent consentOnly = AuditEvent.builder(AuditEventType.CONSENT_WITHDRAWN, NOW, "polisen.a")
                .consentId("abc").build();
        AuditEvent reasonOnly = AuditEvent.builder(AuditEventType.CONSENT_WITHDRAWN, NOW, "polisen.a")
                .reasonCode("abc").build();

        assertThat(hash(abC)).isNotEqualTo(hash(aBc));
        assertThat(List.of(hash(consentReason), hash(consentReasonShifted), hash(consentOnly), hash(reasonOnly)))
                .extracting(Arrays::toString).doesNotHaveDuplicates();
    }

    @Test
    void subjectOrderAndCountArePartOfTheHash() {
        String a = pseudonym("a");
        String b = pseudonym("b");
        List<byte[]> hashes = Stream.of(List.of(a, b), List.of(b, a), List.of(a), List.<String>of(), List.of(a, a))
                .map(subjects -> hash(AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, NOW, "security-officer:u1")
                        .subjectPseudonyms(subjects).build()))
                .toList();
        assertThat(hashes).extracting(Arrays::toString).doesNotHaveDuplicates();
    }

    @Test
    void positionAndPreviousHashArePartOfTheHash() {
        AuditEvent event = decision(1);
        byte[] zero = new byte[32];
        assertThat(AuditChain.hash(1, event, zero)).isNotEqualTo(AuditChain.hash(2, event, zero));
        assertThat(AuditChain.hash(1, event, zero)).isNotEqualTo(AuditChain.hash(1, event, digestBytes("x")));
        assertThat(AuditChain.hash(1, event, zero)).isEqualTo(AuditChain.hash(1, decision(1), zero));
    }

    /** Every field of the event, changed alone: the hash changes. */
    static Stream<Arguments> everyFieldIsPartOfTheHash() {
        return FieldEdits.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyFieldIsPartOfTheHash(String field, UnaryOperator<AuditEvent> edit) {
        AuditEvent original = decision(6);
        AuditEvent edited = edit.apply(original);
        assertThat(edited).isNotEqualTo(original);
        assertThat(hash(edited)).isNotEqualTo(hash(original));
    }

    private static byte[] hash(AuditEvent event) {
        return AuditChain.hash(1, event, new byte[32]);
    }

    private static byte[] digestBytes(String seed) {
        return java.util.Base64.getUrlDecoder().decode(digest(seed));
    }

    /**
     * The encoding as an external auditor would write it from AUDIT-EVENTS.md, without the
     * production code: so the test proves the document and the code agree.
     */
    static final class AuditorEncoding {
        private AuditorEncoding() {
        }

        static byte[] entry(long position, AuditEvent e, byte[] previousHash) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.write("SAMBAND-AUDIT-ENTRY".getBytes(StandardCharsets.US_ASCII));
                out.writeByte(1);
                field(out, 1, longBytes(position));
                field(out, 2, previousHash);
                field(out, 3, utf8(e.type().name()));
                field(out, 4, utf8(e.outcome().name()));
                field(out, 5, longBytes(e.occurredAt().toEpochMilli()));
                field(out, 6, e.noticeId() == null ? null : uuid(e.noticeId()));
                field(out, 7, utf8(e.actor()));
                field(out, 8, utf8(e.counterpart()));
                field(out, 9, utf8(e.noticeType() == null ? null : e.noticeType().name()));
                ByteArrayOutputStream list = new ByteArrayOutputStream();
                DataOutputStream listOut = new DataOutputStream(list);
                listOut.writeInt(e.subjectPseudonyms().size());
                for (String s : e.subjectPseudonyms()) {
                    listOut.writeInt(utf8(s).length);
                    listOut.write(utf8(s));
                }
                field(out, 10, list.toByteArray());
                field(out, 11, utf8(e.decision() == null ? null : e.decision().name()));
                field(out, 12, utf8(e.legalBasis() == null ? null : e.legalBasis().name()));
                field(out, 13, utf8(e.consentId()));
                field(out, 14, utf8(e.reasonCode()));
                field(out, 15, new byte[] {(byte) (e.reviewRequired() ? 1 : 0)});
                field(out, 16, utf8(e.detailDigest()));
                return bytes.toByteArray();
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        static void field(DataOutputStream out, int tag, byte[] value) throws IOException {
            out.writeByte(tag);
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }

        static byte[] longBytes(long value) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeLong(value);
            return bytes.toByteArray();
        }

        static byte[] uuid(UUID id) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
            return bytes.toByteArray();
        }

        static byte[] utf8(String value) {
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
