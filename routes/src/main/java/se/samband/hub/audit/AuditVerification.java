package se.samband.hub.audit;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import se.samband.security.audit.ChainVerification;
import se.samband.security.audit.ChainVerification.Problem;
import se.samband.security.audit.ChainVerifier;
import se.samband.security.audit.CheckpointVerifier;

/**
 * Verifies the stored audit trail: {@link ChainVerifier} over the entries as they stream from the
 * database, with only the hub's audit signing certificates (current and past, from configuration or the
 * PKI directory, never from the checkpoint table) trusted to sign checkpoints.
 */
public final class AuditVerification {
    private final JdbcAuditLog log;
    private final ChainVerifier verifier;

    public AuditVerification(JdbcAuditLog log, Collection<X509Certificate> trustedCheckpointSigners) {
        this.log = log;
        this.verifier = new ChainVerifier(new CheckpointVerifier(List.copyOf(trustedCheckpointSigners)));
    }

    /** The whole chain and every checkpoint; stops at the first broken position. */
    public ChainVerification verify() {
        JdbcAuditLog.StoredCheckpoints stored = log.storedCheckpoints();
        if (stored.firstUnreadable() > 0) {
            // A checkpoint row that no checkpoint can hold was edited: it is no valid signature.
            long position = stored.firstUnreadable();
            return new ChainVerification(false, 0, 0, position, Problem.CHECKPOINT_SIGNATURE_INVALID,
                    "checkpoint at position " + position + " cannot be read, so it has no valid signature");
        }
        return log.readEntries(entries -> verifier.verify(entries, stored.checkpoints()));
    }
}
