package se.samband.security.audit;

/**
 * The result of verifying the audit chain: either intact, or the first broken position with what
 * was found there. The message names positions only, never field values.
 *
 * @param ok                   true if every entry and checkpoint checked out
 * @param entriesChecked       entries whose position, link and hash were confirmed
 * @param checkpointsChecked   checkpoints whose signature and hash were confirmed
 * @param firstBrokenPosition  the first position where the chain is broken; 0 when ok
 * @param problem              what is wrong there; null when ok
 * @param message              one sentence naming positions, for the CLI and the audit event
 */
public record ChainVerification(
        boolean ok,
        long entriesChecked,
        int checkpointsChecked,
        long firstBrokenPosition,
        Problem problem,
        String message) {

    /** What verification found at the first broken position. */
    public enum Problem {
        /** The entry's stored fields do not hash to its stored hash: the row was edited. */
        HASH_MISMATCH,
        /** The entry's previous hash is not the hash of the entry before it. */
        BROKEN_LINK,
        /** A position is missing: a row was removed. */
        GAP,
        /** A position comes again or too early: rows were reordered or duplicated. */
        OUT_OF_ORDER,
        /** A validly signed checkpoint names another hash for its position: the chain was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify against a trusted audit signing certificate. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A validly signed checkpoint lies beyond the last entry: the end of the chain was cut off. */
        TRUNCATED
    }

    static ChainVerification intact(long entries, int checkpoints) {
        return new ChainVerification(true, entries, checkpoints, 0, null,
                "chain intact: " + entries + " entries, " + checkpoints + " checkpoints");
    }

    static ChainVerification broken(long entries, int checkpoints, long position, Problem problem, String message) {
        return new ChainVerification(false, entries, checkpoints, position, problem, message);
    }
}
