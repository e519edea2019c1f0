package se.samband.hub.handover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * Keeps the {@code handover} and {@code notice_seen} tables (V4__handover.sql) from audit events, inside the
 * caller's database transaction: the audit writer applies each batch of newly appended events here before it
 * commits, so the handover state never disagrees with the audit trail. Only the single audit writer calls
 * this, so read-then-write needs no locking; rows are read and written in batches (one query per table per
 * batch, not per event).
 *
 * <p>States only move forward: a late RECEIVED does not undo ACCEPTED, nothing reopens ACCEPTED or DENIED.
 *
 * <p>{@code watch_due} (V10) is the respond-by time while the handover waits for the respond-by watch: set from the
 * respond-by time the dispatcher put on the audit message (a delivery, a held notice released), cleared when the
 * handover closes, becomes OVERDUE or is escalated. The watch clears it too, after it escalated; so that a batch
 * read before that never writes the old value back, an update writes {@code watch_due} only when this batch
 * changed it.
 */
public final class HandoverProjection {
    private static final Set<HandoverState> CLOSED = Set.of(HandoverState.ACCEPTED, HandoverState.DENIED);
    /** States in which nobody waits for a respond-by escalation any more. */
    private static final Set<HandoverState> NOT_WATCHED = Set.of(HandoverState.ACCEPTED, HandoverState.DENIED,
            HandoverState.OVERDUE);

    /**
     * One appended audit event with what the dispatcher put beside it on the audit message.
     *
     * @param event     the event as appended to the chain
     * @param sender    the notice's sender, or null if the message did not say
     * @param respondBy when the recipient must have accepted, or null
     * @param caseRefDigest the digest of the notice header's case reference ({@link CaseRefDigest}), or null
     */
    public record Fact(AuditEvent event, ParticipantId sender, Instant respondBy, String caseRefDigest) {
        public Fact(AuditEvent event, ParticipantId sender, Instant respondBy) {
            this(event, sender, respondBy, null);
        }
    }

    /** Applies the facts in order; the caller commits or rolls back. */
    public void apply(Connection connection, List<Fact> facts) throws SQLException {
        recordSeen(connection, facts);
        recordCaseRefs(connection, facts);
        Map<Key, Row> rows = load(connection, facts);
        Map<Key, Row> loaded = new HashMap<>(rows);
        Set<Key> changed = new LinkedHashSet<>();
        for (Fact fact : facts) {
            AuditEvent event = fact.event();
            if (event.noticeId() == null || event.counterpart() == null) {
                continue;
            }
            Key key = new Key(event.noticeId(), event.counterpart());
            Row before = rows.get(key);
            Row after = next(before, fact);
            if (after != null && !after.equals(before)) {
                rows.put(key, after);
                changed.add(key);
            }
        }
        write(connection, rows, loaded, changed);
    }

    /** Whether this event makes its notice id known for admission's replay check. */
    static boolean marksNoticeKnown(AuditEvent event) {
        return switch (event.type()) {
            // A refused notice is not known: its sender may fix the cause (clock, CRL outage) and resend the same
            // id, and a forged header refused before verification must not block the genuine notice's id.
            case MANUAL_ROUTING_QUEUED -> true;
            // A failed decision parks the notice for replay from the DLQ: it must not count as a replay then.
            case DISCLOSURE_DECIDED -> event.outcome() == AuditOutcome.SUCCESS;
            default -> false;
        };
    }

    /** The handover after this fact, or null if the fact does not concern a handover. */
    static Row next(Row before, Fact fact) {
        AuditEvent event = fact.event();
        HandoverState state = before == null ? null : before.state();
        HandoverState target = target(state, event);
        if (before == null && target == null) {
            return null;
        }
        Row base = before != null ? before : new Row(event.noticeId(), event.counterpart(), null, null, target,
                null, null, event.occurredAt(), null);
        String sender = base.sender() != null ? base.sender()
                : fact.sender() == null ? null : fact.sender().value();
        Instant respondBy = fact.respondBy() != null ? fact.respondBy() : base.respondBy();
        NoticeType type = base.noticeType() != null || event.type() == AuditEventType.RECEIPT_RECORDED
                ? base.noticeType() : event.noticeType();
        Instant watchDue = watchDue(base.watchDue(), target != null ? target : base.state(), fact);
        if (target == null) {
            return new Row(base.noticeId(), base.recipient(), sender, type, base.state(), base.reasonCode(),
                    respondBy, base.updatedAt(), watchDue);
        }
        return new Row(base.noticeId(), base.recipient(), sender, type, target, event.reasonCode(), respondBy,
                event.occurredAt(), watchDue);
    }

    /**
     * When the watch is to look at the handover next, or null. A respond-by time on the fact means the dispatcher
     * started a respond-by period with it; a DECLINED handover stays watched, since its case is still open for the
     * sender (RespondByWatch).
     */
    private static Instant watchDue(Instant before, HandoverState state, Fact fact) {
        if (NOT_WATCHED.contains(state) || fact.event().type() == AuditEventType.HANDOVER_ESCALATED) {
            return null;
        }
        return fact.respondBy() != null ? fact.respondBy() : before;
    }

    /** The state this event moves a handover to, or null if it does not move it. */
    private static HandoverState target(HandoverState current, AuditEvent event) {
        if (current != null && CLOSED.contains(current)) {
            return null;
        }
        boolean success = event.outcome() == AuditOutcome.SUCCESS;
        return switch (event.type()) {
            case DISCLOSURE_DECIDED -> current != null || !success || event.decision() == null ? null
                    : switch (event.decision()) {
                        case PERMIT -> HandoverState.DELIVERED;
                        case HOLD -> HandoverState.HELD;
                        case DENY -> HandoverState.DENIED;
                    };
            case HOLD_RELEASED -> success && (current == null || current == HandoverState.HELD
                    || current == HandoverState.OVERDUE) ? HandoverState.DELIVERED : null;
            // Also when the escalation could not be sent (FAILED): the hold has run out either way.
            case HOLD_EXPIRED -> current == null || current == HandoverState.HELD ? HandoverState.OVERDUE : null;
            case HANDOVER_ESCALATED -> current == null || current == HandoverState.DELIVERED
                    || current == HandoverState.RECEIVED || current == HandoverState.HELD
                    ? HandoverState.OVERDUE : null;
            // An operator returned a notice from the manual routing queue to its sender: it is closed, never delivered.
            case MANUAL_ROUTING_RESOLVED -> !success && "MANUAL_ROUTING_RETURNED".equals(event.reasonCode())
                    && (current == null || current == HandoverState.HELD) ? HandoverState.DENIED : null;
            // The recipient answered even if passing the receipt on failed.
            case RECEIPT_RECORDED -> receiptTarget(current, event.noticeType());
            default -> null;
        };
    }

    private static HandoverState receiptTarget(HandoverState current, NoticeType receipt) {
        if (receipt == NoticeType.ACCEPTED) {
            return HandoverState.ACCEPTED;
        }
        if (receipt == NoticeType.DECLINED) {
            return current == HandoverState.DECLINED ? null : HandoverState.DECLINED;
        }
        if (receipt == NoticeType.RECEIVED) {
            return current == null || current == HandoverState.DELIVERED ? HandoverState.RECEIVED : null;
        }
        return null;
    }

    private static void recordSeen(Connection connection, List<Fact> facts) throws SQLException {
        Map<UUID, AuditEvent> first = new LinkedHashMap<>();
        for (Fact fact : facts) {
            AuditEvent event = fact.event();
            if (event.noticeId() != null && marksNoticeKnown(event)) {
                first.putIfAbsent(event.noticeId(), event);
            }
        }
        if (first.isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT notice_id FROM notice_seen WHERE notice_id IN (" + placeholders(first.size()) + ")")) {
            bindAll(select, first.keySet());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    known.add(result.getObject(1, UUID.class));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notice_seen (notice_id, first_event, seen_at) VALUES (?, ?, ?)")) {
            int count = 0;
            for (AuditEvent event : first.values()) {
                if (known.contains(event.noticeId())) {
                    continue;
                }
                insert.setObject(1, event.noticeId());
                insert.setString(2, event.type().name());
                insert.setObject(3, timestamp(event.occurredAt()));
                insert.addBatch();
                count++;
            }
            if (count > 0) {
                insert.executeBatch();
            }
        }
    }

    /** {@code notice_case_ref} (V8): the first case reference digest seen per notice, for the case timeline. */
    private static void recordCaseRefs(Connection connection, List<Fact> facts) throws SQLException {
        Map<UUID, String> digests = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact.event().noticeId() != null && fact.caseRefDigest() != null) {
                digests.putIfAbsent(fact.event().noticeId(), fact.caseRefDigest());
            }
        }
        if (digests.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT notice_id FROM notice_case_ref WHERE notice_id IN (" + placeholders(digests.size()) + ")")) {
            bindAll(select, digests.keySet());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    digests.remove(result.getObject(1, UUID.class));
                }
            }
        }
        if (digests.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notice_case_ref (notice_id, case_ref_digest) VALUES (?, ?)")) {
            for (Map.Entry<UUID, String> entry : digests.entrySet()) {
                insert.setObject(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<Key, Row> load(Connection connection, List<Fact> facts) throws SQLException {
        Set<UUID> noticeIds = new LinkedHashSet<>();
        for (Fact fact : facts) {
            if (fact.event().noticeId() != null && fact.event().counterpart() != null) {
                noticeIds.add(fact.event().noticeId());
            }
        }
        Map<Key, Row> rows = new LinkedHashMap<>();
        if (noticeIds.isEmpty()) {
            return rows;
        }
        try (PreparedStatement select = connection.prepareStatement(JdbcHandoverStore.SELECT
                + " WHERE notice_id IN (" + placeholders(noticeIds.size()) + ")")) {
            bindAll(select, noticeIds);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Row row = Row.read(result);
                    rows.put(new Key(row.noticeId(), row.recipient()), row);
                }
            }
        }
        return rows;
    }

    private static void write(Connection connection, Map<Key, Row> rows, Map<Key, Row> loaded, Set<Key> changed)
            throws SQLException {
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        List<Row> updatesWithDue = new ArrayList<>();
        for (Key key : changed) {
            Row before = loaded.get(key);
            Row after = rows.get(key);
            if (before == null) {
                inserts.add(after);
            } else if (Objects.equals(before.watchDue(), after.watchDue())) {
                updates.add(after);
            } else {
                updatesWithDue.add(after);
            }
        }
        String columns = "sender = ?, notice_type = ?, state = ?, reason_code = ?, respond_by = ?, updated_at = ?";
        batch(connection, "INSERT INTO handover (sender, notice_type, state, reason_code, respond_by, updated_at,"
                + " watch_due, notice_id, recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts, true);
        batch(connection, "UPDATE handover SET " + columns + " WHERE notice_id = ? AND recipient = ?", updates,
                false);
        batch(connection, "UPDATE handover SET " + columns + ", watch_due = ? WHERE notice_id = ? AND recipient = ?",
                updatesWithDue, true);
    }

    private static void batch(Connection connection, String sql, Collection<Row> rows, boolean withWatchDue)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                int index = 1;
                statement.setString(index++, row.sender());
                statement.setString(index++, row.noticeType() == null ? null : row.noticeType().name());
                statement.setString(index++, row.state().name());
                statement.setString(index++, row.reasonCode());
                statement.setObject(index++, timestamp(row.respondBy()));
                statement.setObject(index++, timestamp(row.updatedAt()));
                if (withWatchDue) {
                    statement.setObject(index++, timestamp(row.watchDue()));
                }
                statement.setObject(index++, row.noticeId());
                statement.setString(index, row.recipient());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bindAll(PreparedStatement statement, Collection<UUID> ids) throws SQLException {
        int index = 1;
        for (UUID id : ids) {
            statement.setObject(index++, id);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private record Key(UUID noticeId, String recipient) {
    }

    /** One handover row as stored; {@code watchDue} as in the class comment. */
    record Row(UUID noticeId, String recipient, String sender, NoticeType noticeType, HandoverState state,
               String reasonCode, Instant respondBy, Instant updatedAt, Instant watchDue) {

        static Row read(ResultSet result) throws SQLException {
            String type = result.getString("notice_type");
            return new Row(result.getObject("notice_id", UUID.class), result.getString("recipient"),
                    result.getString("sender"), type == null ? null : NoticeType.valueOf(type),
                    HandoverState.valueOf(result.getString("state")), result.getString("reason_code"),
                    instant(result, "respond_by"), instant(result, "updated_at"), instant(result, "watch_due"));
        }

        HandoverStore.Handover toHandover() {
            return new HandoverStore.Handover(noticeId, noticeType, sender == null ? null : ParticipantId.of(sender),
                    ParticipantId.of(recipient), state, reasonCode, respondBy, updatedAt);
        }

        private static Instant instant(ResultSet result, String column) throws SQLException {
            OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
