package se.samband.security.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.ChainVerification.Problem;

/**
 * Recomputes the chain from the stored entries and checks every checkpoint, in one pass with
 * constant memory (it holds one entry and one look-ahead), so millions of rows stream straight
 * from a result set. It stops at the first broken position: everything after it is suspect anyway.
 *
 * <p>At each entry, in order: the position must be the next one (else GAP or OUT_OF_ORDER), the
 * previous hash must be the stored hash of the entry before (else BROKEN_LINK), the stored fields
 * must hash to the stored hash (else HASH_MISMATCH), and every checkpoint at that position must
 * carry a valid signature (else CHECKPOINT_SIGNATURE_INVALID) and that hash (else
 * CHECKPOINT_MISMATCH). A validly signed checkpoint beyond the last entry means TRUNCATED.
 */
public final class ChainVerifier {
    private final CheckpointVerifier checkpointVerifier;

    public ChainVerifier(CheckpointVerifier checkpointVerifier) {
        this.checkpointVerifier = checkpointVerifier;
    }

    /** Verifies entries given in ascending position order; the stream is consumed, not closed. */
    public ChainVerification verify(Stream<AuditEntry> entries, List<Checkpoint> checkpoints) {
        return verify(entries.iterator(), checkpoints);
    }

    /**
     * Verifies entries given in ascending position order. If reading an entry fails with
     * {@code AUDIT_RECORD_INVALID} (a stored row no audit event can hold), that row was edited: it
     * is reported as HASH_MISMATCH at the position after the last good entry.
     */
    public ChainVerification verify(Iterator<AuditEntry> entries, List<Checkpoint> checkpoints) {
        return new Run(new LookAhead(entries), checkpoints).verify();
    }

    /** One verification pass; holds the state that must not be shared between passes. */
    private final class Run {
        private final LookAhead entries;
        private final List<Checkpoint> checkpoints;
        private final MessageDigest sha256 = CanonicalWriter.sha256();
        private int nextCheckpoint;
        private long entriesChecked;
        private int checkpointsChecked;
        private long lastGoodCheckpoint;

        Run(LookAhead entries, List<Checkpoint> checkpoints) {
            this.entries = entries;
            List<Checkpoint> sorted = new ArrayList<>(checkpoints);
            sorted.sort(Comparator.comparingLong(Checkpoint::position));
            this.checkpoints = sorted;
        }

        ChainVerification verify() {
            long expected = 1;
            byte[] previousHash = ChainHead.GENESIS.hash();
            while (true) {
                AuditEntry entry;
                try {
                    if (!entries.hasNext()) {
                        break;
                    }
                    entry = entries.next();
                } catch (SambandException e) {
                    if (e.code() != ErrorCode.AUDIT_RECORD_INVALID) {
                        throw e;
                    }
                    return broken(expected, Problem.HASH_MISMATCH,
                            "entry at position " + expected + " holds values no audit event can hold");
                }
                long position = entry.position();
                if (position < expected) {
                    return broken(position, Problem.OUT_OF_ORDER,
                            "entry at position " + position + " comes after position " + (expected - 1));
                }
                if (position > expected) {
                    long following = entries.peekPosition();
                    if (following != -1 && following < position) {
                        return broken(expected, Problem.OUT_OF_ORDER,
                                "entry at position " + position + " comes before position " + expected);
                    }
                    return broken(expected, Problem.GAP, "position " + expected + " is missing (next is "
                            + position + ")");
                }
                if (!entry.hasPreviousHash(previousHash)) {
                    return broken(position, Problem.BROKEN_LINK, "entry at position " + position
                            + " does not link to the entry at position " + (position - 1));
                }
                byte[] hash = AuditChain.hash(sha256, position, entry.event(), previousHash);
                if (!entry.hasHash(hash)) {
                    return broken(position, Problem.HASH_MISMATCH,
                            "entry at position " + position + " does not match its hash");
                }
                entriesChecked++;
                ChainVerification checkpointProblem = checkCheckpointsAt(position, hash);
                if (checkpointProblem != null) {
                    return checkpointProblem;
                }
                previousHash = hash;
                expected = position + 1;
            }
            return checkTail(expected - 1);
        }

        private ChainVerification checkCheckpointsAt(long position, byte[] hash) {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() == position) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                if (!checkpointVerifier.verifies(checkpoint)) {
                    return broken(position, Problem.CHECKPOINT_SIGNATURE_INVALID,
                            "checkpoint at position " + position + " has no valid signature");
                }
                if (!checkpoint.vouchesFor(hash)) {
                    return broken(position, Problem.CHECKPOINT_MISMATCH, "checkpoint at position " + position
                            + " does not match the chain: an entry after position " + lastGoodCheckpoint
                            + " and up to " + position + " was changed");
                }
                checkpointsChecked++;
                lastGoodCheckpoint = position;
            }
            return null;
        }

        private ChainVerification checkTail(long lastPosition) {
            while (nextCheckpoint < checkpoints.size()) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                if (!checkpointVerifier.verifies(checkpoint)) {
                    return broken(checkpoint.position(), Problem.CHECKPOINT_SIGNATURE_INVALID,
                            "checkpoint at position " + checkpoint.position() + " has no valid signature");
                }
                return broken(lastPosition + 1, Problem.TRUNCATED, "positions " + (lastPosition + 1) + " to "
                        + checkpoint.position() + " are missing: the chain ends at position " + lastPosition
                        + " but a signed checkpoint vouches for position " + checkpoint.position());
            }
            return ChainVerification.intact(entriesChecked, checkpointsChecked);
        }

        private ChainVerification broken(long position, Problem problem, String message) {
            return ChainVerification.broken(entriesChecked, checkpointsChecked, position, problem, message);
        }
    }

    /** An iterator with one entry of look-ahead, to tell a removed entry from a moved one. */
    private static final class LookAhead {
        private final Iterator<AuditEntry> source;
        private AuditEntry peeked;

        LookAhead(Iterator<AuditEntry> source) {
            this.source = source;
        }

        boolean hasNext() {
            return peeked != null || source.hasNext();
        }

        AuditEntry next() {
            if (peeked != null) {
                AuditEntry entry = peeked;
                peeked = null;
                return entry;
            }
            if (!source.hasNext()) {
                throw new NoSuchElementException();
            }
            return source.next();
        }

        /** The next entry's position, or -1 if there is none or it is not a valid record (reported anyway). */
        long peekPosition() {
            if (peeked == null) {
                try {
                    if (!source.hasNext()) {
                        return -1;
                    }
                    peeked = source.next();
                } catch (SambandException e) {
                    if (e.code() != ErrorCode.AUDIT_RECORD_INVALID) {
                        throw e;
                    }
                    return -1;
                }
            }
            return peeked.position();
        }
    }
}
