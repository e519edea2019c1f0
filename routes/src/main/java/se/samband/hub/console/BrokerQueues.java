package se.samband.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Depth, consumers and the age of the oldest message of the hub's queues and every participant's inbox, read on
 * the embedded broker's server side (no management messages, no JMX).
 */
class BrokerQueues {
    private final ActiveMQServer server;
    private final Supplier<Federation> federation;
    private final Clock clock;

    BrokerQueues(ActiveMQServer server, Supplier<Federation> federation, Clock clock) {
        this.server = server;
        this.federation = federation;
        this.clock = clock;
    }

    /**
     * One queue. {@code participant} is set for an agency inbox; {@code scheduled} counts messages waiting for
     * their delivery time (redeliveries after a back-off); {@code oldestAgeSeconds} is null for an empty queue.
     */
    record QueueView(String name, String participant, long depth, long scheduled, int consumers,
                     Long oldestAgeSeconds) {
    }

    List<QueueView> queues() {
        List<QueueView> views = new ArrayList<>();
        for (String queue : Endpoints.HUB_QUEUES) {
            view(queue, null).ifPresent(views::add);
        }
        for (Participant participant : federation.get().participants()) {
            if (!ParticipantId.HUB.equals(participant.id())) {
                view(Endpoints.agencyInbox(participant.id()), participant.id().value()).ifPresent(views::add);
            }
        }
        return views;
    }

    private java.util.Optional<QueueView> view(String name, String participant) {
        Queue queue = server.locateQueue(SimpleString.of(name));
        if (queue == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new QueueView(name, participant, queue.getMessageCount(),
                queue.getScheduledCount(), queue.getConsumerCount(), oldestAgeSeconds(queue)));
    }

    private Long oldestAgeSeconds(Queue queue) {
        LinkedListIterator<MessageReference> references = queue.browserIterator();
        try {
            if (!references.hasNext()) {
                return null;
            }
            long timestamp = references.next().getMessage().getTimestamp();
            if (timestamp <= 0) {
                return null;
            }
            return Math.max(0, Duration.between(Instant.ofEpochMilli(timestamp), clock.instant()).toSeconds());
        } finally {
            references.close();
        }
    }
}
