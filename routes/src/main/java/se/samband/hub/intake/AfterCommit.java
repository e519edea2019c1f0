package se.samband.hub.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.jms.listener.AbstractMessageListenerContainer;

/**
 * Work to run once the inbox consumer's local transaction has committed, and never after a rollback: telling the
 * pipeline a notice id is taken must not happen for an attempt that the broker will redeliver. camel-jms offers no
 * after-commit hook for a local (non-Spring-managed) transaction, so the inbox uses this listener container,
 * which runs the callbacks its listener thread registered right after {@code session.commit()}.
 */
final class AfterCommit implements MessageListenerContainerFactory {
    /** The registry name the inbox endpoint refers to ({@code messageListenerContainerFactory=#...}). */
    static final String BEAN = "sambandAfterCommitContainers";
    private static final ThreadLocal<List<Runnable>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    /** Runs {@code callback} on this thread after the current message's transaction commits. */
    static void register(Runnable callback) {
        PENDING.get().add(callback);
    }

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new Container(endpoint);
    }

    private static void runPending() {
        List<Runnable> callbacks = new ArrayList<>(PENDING.get());
        PENDING.get().clear();
        callbacks.forEach(Runnable::run);
    }

    private static void discardPending() {
        PENDING.get().clear();
    }

    /** Camel's own container, with the callbacks run after commit and dropped on rollback. */
    private static final class Container extends DefaultJmsMessageListenerContainer {
        Container(JmsEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected void commitIfNecessary(Session session, Message message) throws JMSException {
            try {
                super.commitIfNecessary(session, message);
            } catch (JMSException | RuntimeException e) {
                discardPending();
                throw e;
            }
            runPending();
        }

        @Override
        protected void rollbackIfNecessary(Session session) throws JMSException {
            discardPending();
            super.rollbackIfNecessary(session);
        }

        @Override
        protected void rollbackOnExceptionIfNecessary(Session session, Throwable ex) throws JMSException {
            discardPending();
            super.rollbackOnExceptionIfNecessary(session, ex);
        }
    }
}
