package se.samband.hub.system;

/**
 * A transient condition that is expected and clears by itself (e.g. an answer that arrives before the audit writer
 * has recorded what it answers): the consumer's transaction rolls back and the broker redelivers the message after
 * its redelivery delay, as for any failure, but {@link ErrorRoutes} logs it as one INFO line, not as an ERROR with a
 * stack trace. The message names ids and codes only.
 */
public abstract class RetryLater extends RuntimeException {
    protected RetryLater(String message) {
        super(message, null, false, false);
    }
}
