package se.samband.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.security.audit.AuditFixtures.CLOCK;
import static se.samband.security.audit.AuditFixtures.HUB;
import static se.samband.security.audit.AuditFixtures.STRANGER;
import static se.samband.security.audit.AuditFixtures.chain;
import static se.samband.security.audit.AuditFixtures.decision;
import static se.samband.security.audit.AuditFixtures.password;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.ChainVerification.Problem;
import se.samband.security.pki.DevPki;

class ChainVerifierTest {
    private static final int SIZE = 60;
    private static CheckpointSigner hubSigner;
    private static ChainVerifier verifier;
    private static List<AuditEntry> intact;

    @BeforeAll
    static void createKeysAndChain() {
        DevPki.Result pki = AuditFixtures.sharedPki();
        hubSigner = new CheckpointSigner(pki.keyAccess(HUB, password()), CLOCK);
        verifier = new ChainVerifier(new CheckpointVerifier(List.of(pki.certificate(HUB))));
        intact = List.copyOf(chain(SIZE));
    }

    private static Checkpoint checkpointAt(List<AuditEntry> entries, long position) {
        return hubSigner.sign(entries.get((int) position - 1).head());
    }

    /** Checkpoints the hub signed while the chain was intact, at 20, 40 and 60. */
    private static List<Checkpoint> checkpoints() {
        return List.of(checkpointAt(intact, 20), checkpointAt(intact, 40), checkpointAt(intact, SIZE));
    }

    private static ChainVerification verify(List<AuditEntry> entries) {
        return verifier.verify(entries.stream(), checkpoints());
    }

    private static List<AuditEntry> withEntry(int position, AuditEntry replacement) {
        List<AuditEntry> entries = new ArrayList<>(intact);
        entries.set(position - 1, replacement);
        return entries;
    }

    private static void assertBroken(ChainVerification result, Problem problem, long position) {
        assertThat(result.ok()).as(result.message()).isFalse();
        assertThat(result.problem()).as(result.message()).isEqualTo(problem);
        assertThat(result.firstBrokenPosition()).as(result.message()).isEqualTo(position);
        assertThat(result.message()).contains(Long.toString(position)).doesNotContain("ps1:");
    }

    @Test
    void intactChainWithCheckpointsVerifies() {
        ChainVerification result = verify(intact);
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(SIZE);
        assertThat(result.checkpointsChecked()).isEqualTo(3);
        assertThat(result.problem()).isNull();
        assertThat(result.firstBrokenPosition()).isZero();
    }

    @Test
    void checkpointsMayComeInAnyOrder() {
        List<Checkpoint> shuffled = new ArrayList<>(checkpoints());
        Collections.reverse(shuffled);
        assertThat(verifier.verify(intact.iterator(), shuffled).ok()).isTrue();
    }

    @Test
    void emptyChainWithoutCheckpointsIsIntact() {
        ChainVerification result = verifier.verify(Stream.empty(), List.of());
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isZero();
    }

    static Stream<Arguments> editedFieldIsAHashMismatchAtItsPosition() {
        return FieldEdits.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void editedFieldIsAHashMismatchAtItsPosition(String field, UnaryOperator<AuditEvent> edit) {
        AuditEntry original = intact.get(32);
        AuditEntry edited = new AuditEntry(33, edit.apply(original.event()), original.previousHash(), original.hash());

        assertBroken(verify(withEntry(33, edited)), Problem.HASH_MISMATCH, 33);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 33, SIZE})
    void editedStoredHashIsAHashMismatchAtItsPosition(int position) {
        AuditEntry original = intact.get(position - 1);
        byte[] hash = original.hash();
        hash[31] ^= 0x01;
        ChainVerification result = verify(withEntry(position, new AuditEntry(position, original.event(),
                original.previousHash(), hash)));

        assertBroken(result, Problem.HASH_MISMATCH, position);
        assertThat(result.entriesChecked()).isEqualTo(position - 1);
    }

    @Test
    void editedPreviousHashIsABrokenLink() {
        AuditEntry original = intact.get(9);
        byte[] previous = original.previousHash();
        previous[0] ^= 0x01;

        assertBroken(verify(withEntry(10, new AuditEntry(10, original.event(), previous, original.hash()))),
                Problem.BROKEN_LINK, 10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 33, 59})
    void removedEntryIsAGapAtItsPosition(int position) {
        List<AuditEntry> entries = new ArrayList<>(intact);
        entries.remove(position - 1);

        assertBroken(verify(entries), Problem.GAP, position);
    }

    @Test
    void swappedEntriesAreOutOfOrderAtTheFirstOfThem() {
        List<AuditEntry> entries = new ArrayList<>(intact);
        Collections.swap(entries, 14, 15);

        assertBroken(verify(entries), Problem.OUT_OF_ORDER, 15);
    }

    @Test
    void entryMovedFurtherThanOnePlaceIsReportedMissingWhereItBelongs() {
        // One entry of look-ahead keeps memory constant; an entry that turns up later reads as a gap.
        List<AuditEntry> entries = new ArrayList<>(intact);
        AuditEntry moved = entries.remove(24);
        entries.add(29, moved);

        assertBroken(verify(entries), Problem.GAP, 25);
    }

    @Test
    void entryMovedBackOverSeveralIsOutOfOrderWhereItBelongs() {
        // 1..24, 27, 26, 25, 28..: the first entry seen is too far ahead and the next one goes backwards.
        List<AuditEntry> entries = new ArrayList<>(intact);
        Collections.reverse(entries.subList(24, 27));

        assertBroken(verify(entries), Problem.OUT_OF_ORDER, 25);
    }

    @Test
    void swappedRowContentsUnderKeptPositionsAreABrokenLinkAtTheFirstOfThem() {
        AuditEntry fifteen = intact.get(14);
        AuditEntry sixteen = intact.get(15);
        List<AuditEntry> entries = new ArrayList<>(intact);
        entries.set(14, new AuditEntry(15, sixteen.event(), sixteen.previousHash(), sixteen.hash()));
        entries.set(15, new AuditEntry(16, fifteen.event(), fifteen.previousHash(), fifteen.hash()));

        assertBroken(verify(entries), Problem.BROKEN_LINK, 15);
    }

    @Test
    void duplicatedEntryIsOutOfOrder() {
        List<AuditEntry> entries = new ArrayList<>(intact);
        entries.add(8, intact.get(7));

        assertBroken(verify(entries), Problem.OUT_OF_ORDER, 8);
    }

    @Test
    void rewritingTheChainAfterAnEditIsCaughtByTheNextCheckpoint() {
        // The attacker edits entry 27 and recomputes every later hash and link: the chain is consistent again.
        List<AuditEntry> rewritten = new ArrayList<>(intact.subList(0, 26));
        List<AuditEvent> events = new ArrayList<>();
        events.add(FieldEdits.copy(intact.get(26).event()).decision(AuditDecision.PERMIT)
                .reasonCode(null).build());
        intact.subList(27, SIZE).forEach(e -> events.add(e.event()));
        rewritten.addAll(AuditChain.append(intact.get(25).head(), events));
        assertThat(verifier.verify(rewritten.iterator(), List.of()).ok())
                .as("without checkpoints the rewrite is undetectable").isTrue();

        ChainVerification result = verify(rewritten);

        assertBroken(result, Problem.CHECKPOINT_MISMATCH, 40);
        assertThat(result.message()).contains("after position 20");
        assertThat(result.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void cuttingOffTheEndAfterACheckpointIsTruncation() {
        ChainVerification result = verify(intact.subList(0, 45));

        assertBroken(result, Problem.TRUNCATED, 46);
        assertThat(result.message()).contains("60");
        assertThat(result.entriesChecked()).isEqualTo(45);
    }

    @Test
    void emptyChainWithACheckpointIsTruncation() {
        assertBroken(verifier.verify(Stream.empty(), List.of(checkpointAt(intact, 20))), Problem.TRUNCATED, 1);
    }

    @Test
    void forgedCheckpointSignatureIsReportedAtItsPosition() {
        Checkpoint genuine = checkpointAt(intact, 40);
        byte[] signature = genuine.signature();
        signature[signature.length - 1] ^= 0x01;
        Checkpoint forged = new Checkpoint(40, genuine.headHash(), genuine.signedAt(), genuine.signerKeyId(),
                signature);

        ChainVerification result = verifier.verify(intact.stream(), List.of(checkpointAt(intact, 20), forged));

        assertBroken(result, Problem.CHECKPOINT_SIGNATURE_INVALID, 40);
    }

    @Test
    void checkpointSignedByAnotherKeyIsInvalidEvenWhenItMatches() {
        CheckpointSigner stranger = new CheckpointSigner(
                AuditFixtures.sharedPki().keyAccess(STRANGER, password()), CLOCK);

        ChainVerification result = verifier.verify(intact.stream(), List.of(stranger.sign(intact.get(29).head())));

        assertBroken(result, Problem.CHECKPOINT_SIGNATURE_INVALID, 30);
    }

    @Test
    void forgedCheckpointBeyondTheEndIsNotTakenForTruncation() {
        Checkpoint genuine = checkpointAt(intact, SIZE);
        Checkpoint forged = new Checkpoint(SIZE + 10, genuine.headHash(), genuine.signedAt(), genuine.signerKeyId(),
                genuine.signature());

        assertBroken(verifier.verify(intact.stream(), List.of(forged)), Problem.CHECKPOINT_SIGNATURE_INVALID,
                SIZE + 10);
    }

    @Test
    void rowThatNoEventCanHoldIsAHashMismatchAtItsPosition() {
        // The hub's reader rebuilds events from rows; a row edited to hold a personnummer cannot be rebuilt.
        Iterator<AuditEntry> rows = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < SIZE;
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEntry stored = intact.get(next++);
                if (stored.position() == 12) {
                    AuditEvent edited = FieldEdits.copy(stored.event()).consentId("640823-3234").build();
                    return new AuditEntry(12, edited, stored.previousHash(), stored.hash());
                }
                return stored;
            }
        };

        assertBroken(verifier.verify(rows, checkpoints()), Problem.HASH_MISMATCH, 12);
    }

    @Test
    void otherReadFailuresAreNotHiddenAsChainProblems() {
        Iterator<AuditEntry> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public AuditEntry next() {
                throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "simulated");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(failing, List.of()))
                .isInstanceOf(SambandException.class);
    }

    @Test
    void hundredThousandEntriesVerifyWhileStreaming() {
        int size = 100_000;
        List<Checkpoint> signed = new ArrayList<>();
        // First pass: the writer appends in batches and the hub signs the head now and then.
        Iterator<AuditEntry> writer = new StreamingChain(size);
        while (writer.hasNext()) {
            AuditEntry entry = writer.next();
            if (entry.position() % 25_000 == 0) {
                signed.add(hubSigner.sign(entry.head()));
            }
        }

        // Second pass: the verifier reads the same rows one by one, as from a result set; nothing is kept.
        ChainVerification result = verifier.verify(new StreamingChain(size), signed);

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(size);
        assertThat(result.checkpointsChecked()).isEqualTo(4);
    }

    /** Rows made on demand, a batch of 100 at a time, so the test holds no more than one batch. */
    private static final class StreamingChain implements Iterator<AuditEntry> {
        private final int size;
        private ChainHead head = ChainHead.GENESIS;
        private Iterator<AuditEntry> batch = Collections.emptyIterator();

        StreamingChain(int size) {
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return batch.hasNext() || head.position() < size;
        }

        @Override
        public AuditEntry next() {
            if (!batch.hasNext()) {
                if (head.position() >= size) {
                    throw new NoSuchElementException();
                }
                int from = (int) head.position() + 1;
                List<AuditEvent> events = new ArrayList<>(100);
                for (int i = from; i < from + 100 && i <= size; i++) {
                    events.add(decision(i));
                }
                List<AuditEntry> appended = AuditChain.append(head, events);
                head = appended.get(appended.size() - 1).head();
                batch = appended.iterator();
            }
            return batch.next();
        }
    }
}
