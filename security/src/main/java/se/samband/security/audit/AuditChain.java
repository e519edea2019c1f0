package se.samband.security.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The hash chain: each entry's hash covers its position, its event and the previous entry's hash,
 * so an edited, removed or reordered entry changes every hash after it. Pure functions; the hub's
 * single audit writer keeps the head and stores what {@link #append} returns in one transaction.
 * The encoding is specified in security/AUDIT-EVENTS.md so that an auditor can re-implement it.
 */
public final class AuditChain {
    static final String ENTRY_LABEL = "SAMBAND-AUDIT-ENTRY";
    static final String EVENT_LABEL = "SAMBAND-AUDIT-EVENT";

    private AuditChain() {
    }

    /**
     * The canonical encoding (version 1) of an entry: {@code "SAMBAND-AUDIT-ENTRY"}, version byte 1,
     * then position (tag 1) and previous hash (tag 2) and the event's fields (tags 3 to 16).
     */
    public static byte[] canonical(long position, AuditEvent event, byte[] previousHash) {
        if (previousHash == null || previousHash.length != ChainHead.HASH_LENGTH) {
            throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "previous hash must be 32 bytes");
        }
        CanonicalWriter writer = new CanonicalWriter(ENTRY_LABEL)
                .int64(1, position)
                .bytes(2, previousHash);
        return eventFields(writer, event).toByteArray();
    }

    /** SHA-256 of {@link #canonical(long, AuditEvent, byte[])}: the entry's hash. */
    public static byte[] hash(long position, AuditEvent event, byte[] previousHash) {
        return hash(CanonicalWriter.sha256(), position, event, previousHash);
    }

    /**
     * Appends a batch after {@code head}: positions {@code head.position() + 1} onwards, each entry
     * linked to the one before. Returns the entries in order; the last one's {@link AuditEntry#head()}
     * is the new head.
     */
    public static List<AuditEntry> append(ChainHead head, List<AuditEvent> batch) {
        MessageDigest sha256 = CanonicalWriter.sha256();
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        long position = head.position();
        byte[] previous = head.hash();
        for (AuditEvent event : batch) {
            if (event == null) {
                throw new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "batch holds a null event");
            }
            position++;
            byte[] hash = hash(sha256, position, event, previous);
            entries.add(new AuditEntry(position, event, previous, hash));
            previous = hash;
        }
        return List.copyOf(entries);
    }

    static byte[] hash(MessageDigest sha256, long position, AuditEvent event, byte[] previousHash) {
        sha256.reset();
        return sha256.digest(canonical(position, event, previousHash));
    }

    /** SHA-256 over {@code "SAMBAND-AUDIT-EVENT"}, version 1 and the event's fields alone (no position). */
    static byte[] eventDigest(AuditEvent event) {
        return CanonicalWriter.sha256().digest(eventFields(new CanonicalWriter(EVENT_LABEL), event).toByteArray());
    }

    private static CanonicalWriter eventFields(CanonicalWriter writer, AuditEvent event) {
        return writer
                .name(3, event.type())
                .name(4, event.outcome())
                .int64(5, event.occurredAt().toEpochMilli())
                .uuid(6, event.noticeId())
                .text(7, event.actor())
                .text(8, event.counterpart())
                .name(9, event.noticeType())
                .textList(10, event.subjectPseudonyms())
                .name(11, event.decision())
                .name(12, event.legalBasis())
                .text(13, event.consentId())
                .text(14, event.reasonCode())
                .bool(15, event.reviewRequired())
                .text(16, event.detailDigest());
    }
}
