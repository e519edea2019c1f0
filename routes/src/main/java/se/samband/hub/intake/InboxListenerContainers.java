package se.samband.hub.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.jms.listener.AbstractMessageListenerContainer;

/**
 * The inbox's listener containers: Camel's own, with two changes to when the local transaction commits.
 *
 * <ul>
 *   <li><b>Several notices per transaction.</b> After a notice is processed, the transaction stays open while the
 *   consumer has another message at hand ({@code receiveNoWait}), up to {@code maxPerTransaction}; it commits as soon
 *   as the inbox has nothing more or the limit is reached. Under load the notices share the broker's commit and
 *   journal record; when the inbox is idle each notice still commits at once.</li>
 *   <li><b>After the commit, never before.</b> What {@link InboxTransaction#afterCommit} registered runs right after
 *   {@code session.commit()} and is dropped on a rollback. camel-jms has no such hook for a local transaction.</li>
 * </ul>
 *
 * <p>Exactly once holds as with one notice per transaction: a failure rolls back every notice of the transaction,
 * and the broker redelivers them. So that one bad notice cannot use up the delivery attempts of others, a
 * redelivered message always ends its transaction: a transaction holds at most one redelivered message, as its
 * last, and the messages after a failing one are not consumed in it. A notice therefore loses at most one delivery
 * attempt to another notice's failure in the pipeline, on its first delivery; from then on only its own failures roll
 * it back. A commit the broker refuses (a duplicate id, an I/O error) rolls back all the notices of the transaction,
 * as does a shutdown between two of them; they are redelivered and processed again.
 */
public final class InboxListenerContainers implements MessageListenerContainerFactory {
    /** The registry name the inbox endpoint refers to ({@code messageListenerContainerFactory=#...}). */
    static final String BEAN = "sambandInboxContainers";

    private final int maxPerTransaction;
    private final LongAdder transactions = new LongAdder();
    private final LongAdder messages = new LongAdder();

    /** @param maxPerTransaction the most inbox messages one transaction consumes; 1 commits each on its own */
    public InboxListenerContainers(int maxPerTransaction) {
        if (maxPerTransaction < 1) {
            throw new IllegalArgumentException("at least one message per transaction, not " + maxPerTransaction);
        }
        this.maxPerTransaction = maxPerTransaction;
    }

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new Container(endpoint);
    }

    /** Inbox transactions committed since the hub started (those that consumed at least one message). */
    public long transactionsCommitted() {
        return transactions.sum();
    }

    /** Inbox messages whose transaction committed; divided by {@link #transactionsCommitted} the mean batch. */
    public long messagesCommitted() {
        return messages.sum();
    }

    private final class Container extends DefaultJmsMessageListenerContainer {
        /**
         * The open transaction of each consumer (one per session, CACHE_CONSUMER). Per consumer rather than per
         * thread: a paused listener task may resume on another thread with its session, and its transaction, intact.
         * A consumer closed with its session (recovery, shutdown) is dropped, and the broker rolled its work back.
         */
        private final Map<MessageConsumer, InboxTransaction> openTransactions =
                Collections.synchronizedMap(new WeakHashMap<>());
        /** The transactions that hold messages now, strongly: their consumer may be gone when they are rolled back. */
        private final Set<InboxTransaction> holdingMessages = ConcurrentHashMap.newKeySet();

        Container(JmsEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected Message receiveMessage(MessageConsumer consumer) throws JMSException {
            InboxTransaction open = openTransactions.computeIfAbsent(consumer, c -> new InboxTransaction());
            InboxTransaction.bind(open);
            Message next;
            try {
                next = open.messages() > 0 && isRunning() ? consumer.receiveNoWait() : null;
                if (next == null) {
                    if (open.messages() > 0) {
                        commit(open.session(), open);
                    }
                    next = super.receiveMessage(consumer);
                }
            } catch (JMSException | RuntimeException e) {
                // The listener task closes the session on any failure here, which rolls its transaction back.
                rolledBack(open);
                throw e;
            }
            if (next != null) {
                open.received();
                holdingMessages.add(open);
            }
            return next;
        }

        @Override
        protected void commitIfNecessary(Session session, Message message) throws JMSException {
            InboxTransaction open = InboxTransaction.current();
            if (message != null && isRunning() && open.messages() < maxPerTransaction && !message.getJMSRedelivered()) {
                open.commitLater(session);
                return;
            }
            commit(session, open);
        }

        private void commit(Session session, InboxTransaction open) throws JMSException {
            int committed = open.messages();
            try {
                super.commitIfNecessary(session, null);
            } catch (JMSException | RuntimeException e) {
                rolledBack(open);
                throw e;
            }
            if (committed > 0) {
                transactions.increment();
                messages.add(committed);
            }
            holdingMessages.remove(open);
            open.committed();
        }

        private void rolledBack(InboxTransaction open) {
            holdingMessages.remove(open);
            open.rolledBack();
        }

        /**
         * A transaction left open when the container stopped (between two notices) was rolled back when its session
         * closed: its notices are redelivered, so what waits on their rollback runs now, on this thread. Not while
         * a listener task is still active (the wait for them was interrupted): it could still commit.
         */
        @Override
        protected void doShutdown() throws JMSException {
            try {
                super.doShutdown();
            } finally {
                if (getActiveConsumerCount() == 0) {
                    holdingMessages.forEach(InboxTransaction::rolledBack);
                    holdingMessages.clear();
                }
            }
        }

        @Override
        protected void rollbackIfNecessary(Session session) throws JMSException {
            rolledBack(InboxTransaction.current());
            super.rollbackIfNecessary(session);
        }

        @Override
        protected void rollbackOnExceptionIfNecessary(Session session, Throwable ex) throws JMSException {
            rolledBack(InboxTransaction.current());
            super.rollbackOnExceptionIfNecessary(session, ex);
        }
    }
}
