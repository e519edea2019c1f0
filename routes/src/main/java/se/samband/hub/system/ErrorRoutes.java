package se.samband.hub.system;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;
import se.samband.notice.error.SambandException;

/**
 * The hub's one error policy for routes (STYLE.md "Camel routes"). A {@link SambandException} is a refusal
 * with an {@code ErrorCode}: it is handled by the flow's refusal route ({@link Endpoints#REFUSED}), which writes
 * it to {@code samband.hub.rejected} in the same transaction, and is never retried. Anything else is transient:
 * no in-memory redelivery (the exchange runs inside the consumer's JMS transaction, so a retry here would hold
 * the transaction open and repeat half-written sends); the exception reaches the listener, the transaction
 * rolls back, and Artemis redelivers with the configured back-off and finally parks the message in
 * {@code samband.hub.dlq}. A {@link RetryLater} takes the same path and is only logged more quietly. Nothing here
 * swallows an exception.
 */
@Component
public class ErrorRoutes extends RouteConfigurationBuilder {
    /** The configuration every hub route uses. */
    public static final String STANDARD = "samband-standard";

    @Override
    public void configuration() {
        RouteConfigurationDefinition standard = routeConfiguration(STANDARD);
        standard.errorHandler(defaultErrorHandler()
                .maximumRedeliveries(0)
                // The exception message names codes and ids only; the history names route and step ids.
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false)
                .logRetryAttempted(false));
        // Expected and self-healing (e.g. an answer faster than the audit writer): one INFO line instead of the
        // ERROR with a stack trace that a failure gets; still not handled, so the transaction rolls back and the
        // broker redelivers the message (the JMS listener adds its own WARN line).
        standard.onException(RetryLater.class)
                .handled(false)
                .logExhausted(false)
                .log(LoggingLevel.INFO, ErrorRoutes.class.getName(), "${exception.message}");
        standard.onException(SambandException.class)
                .handled(true)
                .to(Endpoints.REFUSED);
    }
}
