package se.samband.hub.intake;

import jakarta.jms.Session;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbox consumer's open local transaction: how many inbox messages it has consumed, the notices it has
 * dispatched, and the work to run once it has committed, or once it is rolled back. It may hold several notices
 * ({@link InboxListenerContainers}), so a second copy of a notice dispatched in it is refused as a replay
 * ({@link Admission}) although the first is not committed yet, and what may only follow a commit (telling the
 * pipeline a notice id is taken) waits here until the commit, and is dropped on a rollback.
 *
 * <p>The container keeps one per consumer and binds it to the listener thread for each message ({@link #bind}),
 * because Camel calls the route's processors on that thread without a handle to the container. A thread that is not
 * an inbox listener sees an empty transaction.
 */
final class InboxTransaction {
    private static final Logger log = LoggerFactory.getLogger(InboxTransaction.class);
    private static final ThreadLocal<InboxTransaction> CURRENT = ThreadLocal.withInitial(InboxTransaction::new);

    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();
    private final Set<UUID> dispatched = new HashSet<>();
    /**
     * The consumer's session, which never changes, so it is kept across transactions. Weak: the container keys
     * transactions weakly by consumer, and a session holds its consumers.
     */
    private WeakReference<Session> session;
    private int messages;

    /** The transaction bound to this thread: its consumer's while it runs an inbox message, else an empty one. */
    static InboxTransaction current() {
        return CURRENT.get();
    }

    /** Makes {@code transaction} this thread's {@link #current} one. */
    static void bind(InboxTransaction transaction) {
        CURRENT.set(transaction);
    }

    /** Runs {@code callback} on this thread once the open transaction has committed, never after a rollback. */
    void afterCommit(Runnable callback) {
        afterCommit.add(callback);
    }

    /**
     * Runs {@code callback} when the open transaction does not commit: just before the session's rollback, after a
     * failed commit or receive (the listener task then closes the session), or on the container's shutdown thread
     * after its session closed. Never after a commit.
     */
    void afterRollback(Runnable callback) {
        afterRollback.add(callback);
    }

    /** The plan of notice {@code noticeId} is written in this transaction. */
    void dispatched(UUID noticeId) {
        dispatched.add(noticeId);
    }

    /** Whether this transaction has written the plan of any notice (and so holds its claim) before this one. */
    boolean holdsDispatches() {
        return !dispatched.isEmpty();
    }

    /** Whether a plan for {@code noticeId} is written in this transaction, committed or not yet. */
    boolean holdsDispatchOf(UUID noticeId) {
        return dispatched.contains(noticeId);
    }

    /** An inbox message is consumed in this transaction. */
    void received() {
        messages++;
    }

    /** Its messages are processed and their plans written on {@code on}; the commit comes later. */
    void commitLater(Session on) {
        if (session() != on) {
            session = new WeakReference<>(on);
        }
    }

    /** The inbox messages consumed in this transaction. */
    int messages() {
        return messages;
    }

    /** The session whose commit this transaction waits for ({@link #commitLater}). */
    Session session() {
        return session == null ? null : session.get();
    }

    /**
     * The transaction committed: runs the callbacks, then starts empty. A failing callback is logged and the others
     * still run; what is committed stays committed.
     */
    void committed() {
        run(List.copyOf(afterCommit), "commit");
    }

    /** The transaction rolled back: runs the callbacks for that, then starts empty; as {@link #committed}. */
    void rolledBack() {
        run(List.copyOf(afterRollback), "rollback");
    }

    private void run(List<Runnable> callbacks, String after) {
        afterCommit.clear();
        afterRollback.clear();
        dispatched.clear();
        messages = 0;
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("work after an inbox {} failed: {}", after, e.getClass().getName());
            }
        }
    }
}
