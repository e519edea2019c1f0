package se.samband.hub.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Function;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Participant;

/**
 * Depth and oldest message age of every hub queue and every agency inbox, read from the embedded broker's queue
 * controls when Prometheus scrapes (in memory, no journal read), and the audit writer's lag (events on
 * samband.hub.audit not yet written). Agency inboxes are tagged with the participant id: the federation file bounds
 * them, and they are agencies, not persons.
 */
public final class BrokerQueueGauges implements MeterBinder {
    private final EmbeddedActiveMQ broker;
    private final List<Participant> agencies;

    public BrokerQueueGauges(EmbeddedActiveMQ broker, List<Participant> participants) {
        this.broker = broker;
        this.agencies = participants.stream().filter(p -> !ParticipantId.HUB.equals(p.id())).toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : Endpoints.HUB_QUEUES) {
            Tags tags = Tags.of("queue", queue);
            gauge(registry, MetricNames.QUEUE_MESSAGES, "Messages on a hub queue", tags, queue,
                    BrokerQueueGauges::depth);
            gauge(registry, MetricNames.QUEUE_OLDEST_AGE, "Age of the oldest message on a hub queue", tags, queue,
                    BrokerQueueGauges::oldestAgeSeconds);
            FunctionCounter.builder(MetricNames.QUEUE_ADDED, this, gauges -> gauges.read(queue,
                            control -> (double) control.getMessagesAdded()))
                    .description("Messages added to a hub queue since the broker started")
                    .tags(tags).register(registry);
        }
        for (Participant agency : agencies) {
            String queue = Endpoints.agencyInbox(agency.id());
            Tags tags = Tags.of("participant", agency.id().value(), "kind", agency.kind().name());
            gauge(registry, MetricNames.INBOX_MESSAGES, "Messages waiting on an agency's inbox", tags, queue,
                    BrokerQueueGauges::depth);
            gauge(registry, MetricNames.INBOX_OLDEST_AGE, "Age of the oldest message on an agency's inbox", tags,
                    queue, BrokerQueueGauges::oldestAgeSeconds);
        }
        gauge(registry, MetricNames.AUDIT_WRITER_LAG, "Audit events on samband.hub.audit not yet written",
                Tags.empty(), Endpoints.HUB_AUDIT, BrokerQueueGauges::depth);
        gauge(registry, MetricNames.AUDIT_WRITER_LAG_AGE, "Age of the oldest audit event not yet written",
                Tags.empty(), Endpoints.HUB_AUDIT, BrokerQueueGauges::oldestAgeSeconds);
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags, String queue,
                       Function<QueueControl, Double> value) {
        Gauge.builder(name, this, gauges -> gauges.read(queue, value))
                .description(description).tags(tags).register(registry);
    }

    /** The value from the queue's control, or NaN (Prometheus: no value) while the broker or queue is not there. */
    private double read(String queue, Function<QueueControl, Double> value) {
        ActiveMQServer server = broker.getActiveMQServer();
        if (server == null || !server.isStarted()) {
            return Double.NaN;
        }
        Object control = server.getManagementService().getResource(ResourceNames.QUEUE + queue);
        return control instanceof QueueControl queueControl ? value.apply(queueControl) : Double.NaN;
    }

    private static Double depth(QueueControl control) {
        return (double) control.getMessageCount();
    }

    private static Double oldestAgeSeconds(QueueControl control) {
        try {
            Long ageMillis = control.getFirstMessageAge();
            return ageMillis == null ? 0.0 : ageMillis / 1000.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
