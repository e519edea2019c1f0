package se.samband.hub.dispatch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * Writes a plan in a JMS transaction of its own and commits it: for the hub's work outside the inbox route (the held
 * store's sweeps, the withdrawal fan-out, and audit events of officers', operators' and timeline views).
 *
 * <p>The held store and the fan-out record in their own tables that a plan was written only after the commit. A plan
 * the broker refuses for one of its derived duplicate ids (a copy's, a held notice's or an escalation's) was
 * committed before, by a run that stopped between that commit and its record: that counts as written, so the caller
 * records it now instead of the plan being refused at every later run. A plan of audit events only carries no
 * duplicate id, so it is never refused.
 */
public final class OwnTransaction {
    private OwnTransaction() {
    }

    /**
     * Writes and commits {@code plan}; true if it was written now, false if the broker refused it as written
     * before. Any other failure is rolled back and thrown.
     */
    public static boolean commit(DispatchPlan plan, DispatchWriter writer, ConnectionFactory connectionFactory)
            throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                writer.write(plan, session);
                session.commit();
                return true;
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                if (DispatchWriter.refusedAsDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        }
    }
}
