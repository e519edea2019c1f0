package se.samband.hub.intake;

import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox consumer's open local transaction, as seen from the listener thread that owns it: how many inbox messages
 * it has consumed, the notices it has dispatched, and the work to run once it has committed. It may hold several
 * notices ({@link InboxListenerContainers}), so a second copy of a notice dispatched in it is refused as a replay
 * ({@link Admission}) although the first is not committed yet, and what may only follow a commit (telling the
 * pipeline a notice id is taken) waits here until the commit, and is dropped on a rollback.
 *
 * <p>Thread-bound because Camel calls the route's processors on the listener's thread without a handle to the
 * container. A thread that is not an inbox listener sees an empty transaction.
 */
final class InboxTransaction {
    private static final ThreadLocal<InboxTransaction> CURRENT = ThreadLocal.withInitial(InboxTransaction::new);

    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Set<UUID> dispatched = new HashSet<>();
    private MessageConsumer consumer;
    private Session session;
    private int messages;

    private InboxTransaction() {
    }

    /** The open transaction of this thread (empty if it has consumed nothing since it last ended). */
    static InboxTransaction current() {
        return CURRENT.get();
    }

    /** Runs {@code callback} on this thread once the open transaction has committed, never after a rollback. */
    void afterCommit(Runnable callback) {
        afterCommit.add(callback);
    }

    /** The plan of notice {@code noticeId} is written in this transaction. */
    void dispatched(UUID noticeId) {
        dispatched.add(noticeId);
    }

    /** Whether a plan for {@code noticeId} is written in this transaction, committed or not yet. */
    boolean holdsDispatchOf(UUID noticeId) {
        return dispatched.contains(noticeId);
    }

    /** A message of {@code from} is consumed in this transaction. */
    void received(MessageConsumer from) {
        consumer = from;
        messages++;
    }

    /** Its messages are processed and their plans written on {@code on}; the commit comes later. */
    void commitLater(Session on) {
        session = on;
    }

    /** The inbox messages consumed in this transaction. */
    int messages() {
        return messages;
    }

    /** Whether this transaction holds messages of a consumer other than {@code from}: one that was closed. */
    boolean belongsToAnother(MessageConsumer from) {
        return messages > 0 && consumer != from;
    }

    /** The session whose commit this transaction waits for ({@link #commitLater}). */
    Session session() {
        return session;
    }

    /** The transaction committed: runs the callbacks, then starts empty. */
    void committed() {
        List<Runnable> callbacks = List.copyOf(afterCommit);
        clear();
        callbacks.forEach(Runnable::run);
    }

    /** The transaction rolled back, or its session was closed (which rolls it back): forgets it. */
    void rolledBack() {
        clear();
    }

    private void clear() {
        afterCommit.clear();
        dispatched.clear();
        consumer = null;
        session = null;
        messages = 0;
    }
}
