package se.samband.hub.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import se.samband.hub.intake.InboxListenerContainers;

/**
 * What the inbox consumers have committed since the hub started: messages, and the transactions they took. Their
 * ratio is the number of notices per transaction, which grows with the load up to
 * {@code samband.intake.max-notices-per-transaction} (routes/README.md, "Intake").
 */
final class IntakeTransactionMeters implements MeterBinder {
    private final InboxListenerContainers containers;

    IntakeTransactionMeters(InboxListenerContainers containers) {
        this.containers = containers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MetricNames.INTAKE_MESSAGES, containers, InboxListenerContainers::messagesCommitted)
                .description("Inbox messages whose transaction committed, refusals included").register(registry);
        FunctionCounter.builder(MetricNames.INTAKE_TRANSACTIONS, containers,
                        InboxListenerContainers::transactionsCommitted)
                .description("Inbox transactions that committed those messages").register(registry);
    }
}
