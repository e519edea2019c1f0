package se.samband.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.intake.PipelineObserver;
import se.samband.hub.intake.PipelineResult;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.security.audit.AuditEvent;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Counts what the pipeline committed, from the plan's own audit events (so a count matches the audit trail), and
 * times its steps. Only counter increments on the pipeline's thread: meters are looked up once per tag set and
 * kept, participant kinds come from the federation in memory.
 */
public final class NoticeMetrics implements PipelineObserver {
    private final MeterRegistry registry;
    private final Supplier<Federation> federation;
    private final Map<Step, Timer> steps = new EnumMap<>(Step.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public NoticeMetrics(MeterRegistry registry, Supplier<Federation> federation) {
        this.registry = registry;
        this.federation = federation;
        for (Step step : Step.values()) {
            steps.put(step, Timer.builder(MetricNames.PIPELINE_STEP)
                    .description("Latency of one step of the hub pipeline for one submission")
                    .tag("step", step.name().toLowerCase())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
        }
    }

    @Override
    public void stepTimed(Step step, long nanos) {
        steps.get(step).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void committed(PipelineResult result) {
        DispatchPlan plan = result.plan();
        NoticeType type = null;
        String sender = null;
        for (AuditEvent event : plan.auditEvents()) {
            type = type == null ? event.noticeType() : type;
            switch (event.type()) {
                case DISCLOSURE_DECIDED -> count(MetricNames.DECISIONS, "outcome",
                        event.decision() == null ? MetricNames.UNKNOWN : event.decision().name(),
                        "basis", event.legalBasis() == null ? "none" : event.legalBasis().name());
                case NOTICE_DISPATCHED -> count(MetricNames.NOTICES_OUT, "type", name(event.noticeType()),
                        "recipient_kind", kindOf(event.counterpart()));
                case NOTICE_REJECTED -> count(MetricNames.REJECTIONS, "code",
                        event.reasonCode() == null ? MetricNames.UNKNOWN : event.reasonCode());
                case RECEIPT_RECORDED -> sender = event.actor();
                default -> {
                }
            }
        }
        count(MetricNames.NOTICES_IN, "type", name(type), "sender_kind", kindOf(sender != null ? sender
                : senderOf(plan)));
    }

    /** The submitting participant as the plan knows it: the refused sender, or whom the notice went from. */
    private static String senderOf(DispatchPlan plan) {
        if (plan.rejected() != null) {
            return plan.rejected().sender() == null ? null : plan.rejected().sender().value();
        }
        if (!plan.deliveries().isEmpty()) {
            return plan.deliveries().get(0).sender().value();
        }
        if (!plan.held().isEmpty()) {
            return plan.held().get(0).sender().value();
        }
        // Every recipient denied: the submission receipt goes back to the sender.
        return plan.receipts().isEmpty() ? null : plan.receipts().get(0).to().value();
    }

    private String kindOf(String participant) {
        if (participant == null || !ParticipantId.isValid(participant)) {
            return MetricNames.UNKNOWN;
        }
        return federation.get().participant(ParticipantId.of(participant)).map(Participant::kind)
                .map(ParticipantKind::name).orElse(MetricNames.UNKNOWN);
    }

    private static String name(Enum<?> value) {
        return value == null ? MetricNames.UNKNOWN : value.name();
    }

    private void count(String name, String tag1, String value1, String tag2, String value2) {
        counters.computeIfAbsent(name + '|' + value1 + '|' + value2, key -> Counter.builder(name)
                .tag(tag1, value1).tag(tag2, value2).register(registry)).increment();
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + '|' + value, key -> Counter.builder(name).tag(tag, value)
                .register(registry)).increment();
    }
}
