package se.samband.bench.load;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much heap one pending respond-by check holds in the broker: Artemis keeps every scheduled message in memory
 * until it is due, and the hub schedules one per handover, due an hour to days later. Sends {@code count} checks as
 * the hub writes them (in transactions of 100) to a broker configured like the baseline's, in this JVM, reads the heap
 * in use after full collections, sends {@code count} more and reads it again. The figure is the growth between the
 * two readings per check: the duplicate-id cache (100,000 ids, one per check) is full by then and no longer grows, as
 * in a hub that has run a while, and one-off allocations of the first sends are behind it.
 *
 * <p>{@code java -Xmx3g -cp bench/target/samband-benchmarks.jar se.samband.bench.load.PendingCheckHeap [count]}
 * (default and least: the id cache's size). Not a test: it logs a figure and stops.
 */
public final class PendingCheckHeap {
    private static final Logger log = LoggerFactory.getLogger(PendingCheckHeap.class);
    private static final int PER_TRANSACTION = 100;

    private PendingCheckHeap() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : ForwarderBaseline.ID_CACHE_SIZE;
        if (count < ForwarderBaseline.ID_CACHE_SIZE) {
            throw new IllegalArgumentException("count must be at least " + ForwarderBaseline.ID_CACHE_SIZE
                    + ", the id cache's size");
        }
        Path dataDir = Files.createTempDirectory("samband-pending-checks-");
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(
                ForwarderBaseline.brokerConfiguration(dataDir, "NIO"), false);
        try {
            server.start();
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ForwarderBaseline.IN_VM_URL);
                 Connection connection = factory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(session.createQueue(ForwarderBaseline.WATCH));
                send(session, producer, count);
                long first = heapInUse();
                send(session, producer, count);
                long second = heapInUse();
                Queue watch = server.locateQueue(ForwarderBaseline.WATCH);
                log.info("{} pending respond-by checks: {} bytes of heap each (heap in use {} MB after {} checks, "
                                + "{} MB after {}); {} scheduled in the queue, address {}", 2 * count,
                        Math.round((second - first) / (double) count), first >> 20, count, second >> 20, 2 * count,
                        watch.getScheduledCount(),
                        watch.getPagingStore().isPaging() ? "PAGING (the figure reads low)" : "not paging");
            }
        } finally {
            server.stop();
            BenchMain.deleteTree(dataDir);
        }
    }

    private static void send(Session session, MessageProducer producer, int count) throws JMSException {
        String sender = NoticePool.SENDERS.get(0).value();
        String recipient = NoticePool.RECIPIENTS.get(0).value();
        long due = System.currentTimeMillis() + ForwarderBaseline.RESPOND_BY_MILLIS;
        for (int i = 1; i <= count; i++) {
            Message check = ForwarderBaseline.respondByCheck(session, UUID.randomUUID().toString(), sender,
                    recipient, due);
            producer.send(check, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            if (i % PER_TRANSACTION == 0 || i == count) {
                session.commit();
            }
        }
    }

    /** Heap in use after collections, so that only what is still referenced counts. */
    private static long heapInUse() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
