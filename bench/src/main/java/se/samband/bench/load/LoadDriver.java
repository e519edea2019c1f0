package se.samband.bench.load;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import se.samband.notice.ParticipantId;

/**
 * The agencies' side of one run: one producer thread per sender submits its notices to the inbox over TLS
 * (blocking persistent sends, as a connector's outbox does), one consumer thread per participant reads its queue
 * with its own certificate. A copy's latency runs from the submit (or, under a set offered load, from the moment
 * the send was due, so a stalled sender does not hide waiting time) to its receipt by the recipient's consumer.
 */
final class LoadDriver {
    /** Properties the agencies' side sets; the hub ignores them, the baseline forwarder uses them. */
    static final String BENCH_SENDER = "benchSender";
    static final String BENCH_RECIPIENTS = "benchRecipients";
    static final String NOTICE_ID = "noticeId";
    static final String TYPE = "type";
    static final String IN_REPLY_TO = "inReplyTo";
    static final String INBOX = "samband.hub.inbox";
    /** Prefixes of the simulated agencies' threads' names. */
    static final String PRODUCER_THREAD = "bench-producer-";
    static final String CONSUMER_THREAD = "bench-consumer-";
    private static final String COPY_TYPE = "CHILD_CONCERN_REPORT";
    private static final String RECEIPT_TYPE = "SUBMISSION_RECEIPT";
    /** How long after the last expected copy the consumers keep listening for a late duplicate. */
    private static final Duration QUIET = Duration.ofMillis(750);

    private final BrokerEndpoint endpoint;
    private final Duration timeout;

    LoadDriver(BrokerEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    static String agencyInbox(ParticipantId participant) {
        return "samband.agency." + participant.value() + ".inbox";
    }

    /**
     * Sends every notice and waits until every copy arrived (or the timeout passed).
     *
     * @param ratePerSecond offered load over all senders; 0 sends as fast as the broker takes them
     * @param receipts      whether each notice also brings a submission receipt back to its sender
     */
    RunResult run(List<PooledNotice> notices, double ratePerSecond, boolean receipts) throws Exception {
        return run(notices, ratePerSecond, receipts, null);
    }

    /** As {@link #run(List, double, boolean)}, sampling the copies in flight once a second into {@code backlog}. */
    RunResult run(List<PooledNotice> notices, double ratePerSecond, boolean receipts, Backlog backlog)
            throws Exception {
        Map<ParticipantId, List<PooledNotice>> bySender = new LinkedHashMap<>();
        Set<ParticipantId> participants = new LinkedHashSet<>();
        int expectedCopies = 0;
        for (PooledNotice notice : notices) {
            bySender.computeIfAbsent(notice.sender(), s -> new ArrayList<>()).add(notice);
            participants.add(notice.sender());
            participants.addAll(notice.recipients());
            expectedCopies += notice.recipients().size();
        }
        Tally tally = new Tally(receipts ? notices.size() : 0, expectedCopies);
        List<ConsumerLoop> consumers = new ArrayList<>();
        try {
            for (ParticipantId participant : participants) {
                consumers.add(new ConsumerLoop(participant, tally));
            }
            consumers.forEach(ConsumerLoop::start);
            long start = System.nanoTime();
            Thread sampler = backlog == null ? null
                    : startSampler(backlog, tally, start, ratePerSecond, expectedCopies / notices.size());
            tally.firstSubmit.set(start);
            List<Thread> producers = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            double perSender = ratePerSecond / bySender.size();
            int senderIndex = 0;
            for (Map.Entry<ParticipantId, List<PooledNotice>> entry : bySender.entrySet()) {
                long senderStart = firstDue(start, senderIndex++, ratePerSecond);
                Thread producer = new Thread(OwnThreadCpu.counted(() -> {
                    try {
                        produce(entry.getKey(), entry.getValue(), perSender, senderStart, tally);
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }), PRODUCER_THREAD + entry.getKey().value());
                producers.add(producer);
                producer.start();
            }
            for (Thread producer : producers) {
                producer.join();
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a producer failed", failures.get(0));
            }
            tally.awaitDone(start + timeout.toNanos());
            if (sampler != null) {
                sampler.interrupt();
                sampler.join();
            }
            LockSupport.parkNanos(QUIET.toNanos());
        } finally {
            for (ConsumerLoop consumer : consumers) {
                consumer.stop();
            }
        }
        return new RunResult(notices.size(), expectedCopies, tally.copies.size(), tally.duplicates.get(),
                tally.receipts.get(), tally.unexpected.get(), tally.lastCopy.get() - tally.firstSubmit.get(),
                tally.latencies(), tally.split, tally.meanReceiptBytes(), Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * When sender {@code index} sends its first notice under a set load: the senders take turns, one total interval
     * ({@code 1 / ratePerSecond}) apart, so that the offered notices arrive evenly spaced rather than one from
     * every sender at the same instant (which queued each burst behind itself and added to every latency).
     */
    static long firstDue(long start, int index, double ratePerSecond) {
        return ratePerSecond > 0 ? start + (long) (index * 1e9 / ratePerSecond) : start;
    }

    private static Thread startSampler(Backlog backlog, Tally tally, long start, double ratePerSecond,
                                       int copiesPerNotice) {
        Thread sampler = new Thread(() -> {
            long next = start;
            while (!Thread.currentThread().isInterrupted()) {
                next += TimeUnit.SECONDS.toNanos(1);
                LockSupport.parkNanos(next - System.nanoTime());
                long delivered = tally.copies.size();
                long sent = tally.submittedCopies.get();
                backlog.sample(Backlog.copiesDue(System.nanoTime() - start, ratePerSecond, copiesPerNotice,
                        tally.expectedCopies), sent, delivered);
            }
        }, "bench-backlog");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private void produce(ParticipantId sender, List<PooledNotice> notices, double rate, long start, Tally tally)
            throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(endpoint.coreUrl(sender));
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(INBOX));
            long interval = rate > 0 ? (long) (1e9 / rate) : 0;
            for (int i = 0; i < notices.size(); i++) {
                PooledNotice notice = notices.get(i);
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(notice.container());
                message.setStringProperty(NOTICE_ID, notice.noticeId().toString());
                message.setStringProperty(BENCH_SENDER, notice.sender().value());
                message.setStringProperty(BENCH_RECIPIENTS, String.join(",",
                        notice.recipients().stream().map(ParticipantId::value).toList()));
                long due = start + i * interval;
                if (interval > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                tally.submitted.put(notice.noticeId(), interval > 0 ? due : System.nanoTime());
                producer.send(message);
                tally.sent.put(notice.noticeId(), System.nanoTime());
                tally.submittedCopies.addAndGet(notice.recipients().size());
            }
        }
    }

    /** What came back, shared by the consumer threads. */
    private static final class Tally {
        final Map<UUID, Long> submitted = new ConcurrentHashMap<>();
        /** When each blocking send returned: the notice was durable in the inbox. */
        final Map<UUID, Long> sent = new ConcurrentHashMap<>();
        final LatencySplit split = new LatencySplit();
        final Set<String> copies = ConcurrentHashMap.newKeySet();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger submittedCopies = new AtomicInteger();
        final AtomicInteger receipts = new AtomicInteger();
        final AtomicLong receiptBytes = new AtomicLong();
        final AtomicInteger unexpected = new AtomicInteger();
        final AtomicLong firstSubmit = new AtomicLong();
        final AtomicLong lastCopy = new AtomicLong();
        final List<Histogram> histograms = new ArrayList<>();
        final int notices;
        final int expectedCopies;

        Tally(int notices, int expectedCopies) {
            this.notices = notices;
            this.expectedCopies = expectedCopies;
        }

        synchronized Histogram newHistogram() {
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            histograms.add(histogram);
            return histogram;
        }

        synchronized Histogram latencies() {
            Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            histograms.forEach(all::add);
            return all;
        }

        int meanReceiptBytes() {
            return receipts.get() == 0 ? 0 : (int) (receiptBytes.get() / receipts.get());
        }

        boolean done() {
            return copies.size() >= expectedCopies && receipts.get() >= notices;
        }

        void awaitDone(long deadline) {
            while (!done() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** One participant's consumer: its own certificate, its own queue, until stopped. */
    private final class ConsumerLoop implements Runnable {
        private final ParticipantId participant;
        private final Tally tally;
        private final ActiveMQConnectionFactory factory;
        private final Connection connection;
        private final MessageConsumer consumer;
        private final Histogram histogram;
        private final Thread thread;
        private volatile boolean running = true;

        ConsumerLoop(ParticipantId participant, Tally tally) throws JMSException {
            this.participant = participant;
            this.tally = tally;
            this.factory = new ActiveMQConnectionFactory(endpoint.coreUrl(participant));
            this.connection = factory.createConnection();
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            this.consumer = session.createConsumer(session.createQueue(agencyInbox(participant)));
            this.histogram = tally.newHistogram();
            this.thread = new Thread(OwnThreadCpu.counted(this), CONSUMER_THREAD + participant.value());
        }

        void start() {
            try {
                connection.start();
            } catch (JMSException e) {
                throw new IllegalStateException("cannot start the consumer of " + participant.value(), e);
            }
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    Message message = consumer.receive(100);
                    if (message != null) {
                        count(message, System.nanoTime());
                    }
                }
            } catch (JMSException e) {
                if (running) {
                    throw new IllegalStateException("consumer of " + participant.value() + " failed", e);
                }
            }
        }

        private void count(Message message, long now) throws JMSException {
            String type = message.getStringProperty(TYPE);
            if (COPY_TYPE.equals(type)) {
                UUID id = UUID.fromString(message.getStringProperty(NOTICE_ID));
                Long submitted = tally.submitted.get(id);
                if (submitted == null) {
                    tally.unexpected.incrementAndGet();
                } else if (!tally.copies.add(id + ":" + participant.value())) {
                    tally.duplicates.incrementAndGet();
                } else {
                    histogram.recordValue(Math.max(0, (now - submitted) / 1000));
                    Long sent = tally.sent.get(id);
                    if (sent != null) {
                        tally.split.add(submitted, sent, message.getJMSTimestamp(), now);
                    } else {
                        tally.split.addUncut();
                    }
                    tally.lastCopy.accumulateAndGet(now, Math::max);
                }
            } else if (RECEIPT_TYPE.equals(type)) {
                tally.receipts.incrementAndGet();
                tally.receiptBytes.addAndGet(((BytesMessage) message).getBodyLength());
            } else {
                tally.unexpected.incrementAndGet();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(5));
            try {
                connection.close();
            } catch (JMSException e) {
                // Closing at the end of a run; nothing left to save.
            }
            factory.close();
        }
    }
}
