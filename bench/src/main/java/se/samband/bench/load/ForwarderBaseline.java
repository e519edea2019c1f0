package se.samband.bench.load;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/**
 * The limit the hub can approach: an embedded Artemis configured like the hub's broker (persistent journal of the
 * hub's type, buffer timeout 250 µs, sync on commit, persisted duplicate-id cache of 100,000, the same TLS acceptor
 * with client certificates from the same dev PKI) and a bare transactional forwarder with the hub's intake
 * concurrency. Each forwarder thread consumes one notice and, in one local transaction, sends what the hub's
 * DispatchWriter sends for it, with the same sizes and duplicate ids (none on audit events, as the hub): per
 * recipient a copy of the container, one message with the audit events (two per recipient: the decision and the
 * dispatch) carrying the sender and the respond-by time as the hub's does, and one receipt to the sender; then
 * commits. (Until 2026-12-07 the hub also sent a scheduled respond-by check per recipient, and so did this.)
 * No verification, no decision, no audit writer. {@link Mode#COPY_ONLY} sends only the copies: raw one-to-one
 * forwarding, for reference.
 *
 * <p>Not the same: broker security is off (the hub decides every login and send in its security manager), and the
 * broker runs in the benchmark's own JVM beside the load generator, where the hub is a process of its own.
 */
final class ForwarderBaseline implements AutoCloseable {
    enum Mode { FULL_PLAN, COPY_ONLY }

    /** The baseline broker's name, which its threads' names carry. */
    static final String BROKER_NAME = "samband-bench-baseline";
    /** Prefix of the forwarder threads' names. */
    static final String FORWARDER_THREAD = "bench-forwarder-";
    private static final int IN_VM_SERVER_ID = 7;
    /** The in-VM acceptor's URL, for the forwarders in this JVM. */
    private static final String IN_VM_URL = "vm://" + IN_VM_SERVER_ID;
    /**
     * The respond-by time the baseline's audit messages carry: a day after the notice (the hub's depend on the notice
     * type, from an hour to ten working days by DOMAIN.md).
     */
    private static final long RESPOND_BY_MILLIS = TimeUnit.DAYS.toMillis(1);
    // The hub's message properties (DispatchProperties), as the bench reads and writes them.
    private static final String SENDER = "sender";
    private static final String RESPOND_BY = "respondBy";
    private static final String AUDIT = "samband.hub.audit";
    private static final String DLQ = "samband.hub.dlq";
    private static final String EXPIRED = "samband.hub.expired";
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private static final String AUDIT_EVENT_TYPE = "auditEventType";
    /** Audit events the hub writes per permitted recipient: the decision and the dispatch. */
    private static final int EVENTS_PER_RECIPIENT = 2;
    private static final long JOURNAL_BUFFER_TIMEOUT_NANOS = 250_000;
    /** Duplicate ids the broker remembers per address, as the hub's {@code samband.broker.id-cache-size}. */
    private static final int ID_CACHE_SIZE = 100_000;

    private final ActiveMQServer server;
    private final int tlsPort;
    private final Path pkiDir;
    private final String tlsProvider;

    private ForwarderBaseline(ActiveMQServer server, int tlsPort, Path pkiDir, String tlsProvider) {
        this.server = server;
        this.tlsPort = tlsPort;
        this.pkiDir = pkiDir;
        this.tlsProvider = tlsProvider;
    }

    /**
     * Starts the broker on {@code dataDir} with a TLS acceptor on {@code tlsPort}, using the hub's key stores, the
     * hub's TLS provider ({@code tlsProvider}, OPENSSL or JDK) and the hub's journal type ({@code journalType}, NIO or
     * ASYNCIO; Artemis falls back to NIO where libaio is missing, see {@link #journalType()}).
     */
    static ForwarderBaseline start(Path dataDir, int tlsPort, Path pkiDir, String tlsProvider, String journalType)
            throws Exception {
        DevPki.Layout pki = new DevPki.Layout(pkiDir);
        Configuration config = brokerConfiguration(dataDir, journalType);
        Map<String, Object> tls = new HashMap<>();
        tls.put("host", "127.0.0.1");
        tls.put("port", tlsPort);
        tls.put("protocols", "CORE");
        tls.put("sslEnabled", true);
        tls.put("needClientAuth", true);
        tls.put("enabledProtocols", "TLSv1.3,TLSv1.2");
        tls.put("sslProvider", tlsProvider);
        tls.put("keyStoreType", "PKCS12");
        tls.put("keyStorePath", pki.participantKeyStore(ParticipantId.HUB).toString());
        tls.put("keyStorePassword", DevPki.DEFAULT_PASSWORD);
        tls.put("trustStoreType", "PKCS12");
        tls.put("trustStorePath", pki.trustStore().toString());
        tls.put("trustStorePassword", DevPki.DEFAULT_PASSWORD);
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), tls, "tls"));
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(config, false);
        server.start();
        return new ForwarderBaseline(server, tlsPort, pkiDir, tlsProvider);
    }

    /**
     * The baseline broker's configuration without its TLS acceptor: the journal on {@code dataDir}, an in-VM acceptor
     * ({@value #IN_VM_URL}), the hub's address settings and the bench's queues.
     */
    private static Configuration brokerConfiguration(Path dataDir, String journalType) {
        Configuration config = new ConfigurationImpl()
                .setName(BROKER_NAME)
                .setPersistenceEnabled(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDir.toString())
                .setJournalType(JournalType.valueOf(journalType))
                .setJournalBufferTimeout_NIO((int) JOURNAL_BUFFER_TIMEOUT_NANOS)
                .setJournalBufferTimeout_AIO((int) JOURNAL_BUFFER_TIMEOUT_NANOS)
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setIDCacheSize(ID_CACHE_SIZE)
                .setPersistIDCache(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of("serverId", IN_VM_SERVER_ID), "in-vm"));
        // As the hub's samband.# settings: dead-letter and expiry addresses (Artemis warns without), paging.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DLQ))
                .setExpiryAddress(SimpleString.of(EXPIRED))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        List<String> queues = new ArrayList<>(List.of(LoadDriver.INBOX, AUDIT, DLQ, EXPIRED));
        NoticePool.SENDERS.forEach(p -> queues.add(LoadDriver.agencyInbox(p)));
        NoticePool.RECIPIENTS.forEach(p -> queues.add(LoadDriver.agencyInbox(p)));
        for (String queue : queues) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        return config;
    }

    /** The journal type in effect, after any fall-back from ASYNCIO. */
    String journalType() {
        return server.getConfiguration().getJournalType().name();
    }

    BrokerEndpoint endpoint() {
        return new BrokerEndpoint(tlsPort, pkiDir, tlsProvider);
    }

    /**
     * Runs {@code threads} forwarders while the load driver runs the notices through, then stops them.
     *
     * @param receiptBytes size of the receipt body (the hub's receipts, as measured in the hub run)
     * @param auditBytes   size of an audit event body
     */
    RunResult run(LoadDriver driver, List<PooledNotice> notices, double rate, int threads, Mode mode,
                  int receiptBytes, int auditBytes) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(IN_VM_URL)) {
            List<Forwarder> forwarders = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    forwarders.add(new Forwarder(factory.createConnection(), mode, new byte[receiptBytes],
                            new byte[auditBytes], i));
                }
                forwarders.forEach(Forwarder::start);
                return driver.run(notices, rate, mode == Mode.FULL_PLAN);
            } finally {
                // Before the factory closes: a forwarder must see that it was stopped, not that its consumer died.
                for (Forwarder forwarder : forwarders) {
                    forwarder.stop();
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** consume 1, send the plan, commit: one thread, one transacted session, as one intake consumer of the hub. */
    private static final class Forwarder implements Runnable {
        private final Connection connection;
        private final Session session;
        private final MessageConsumer consumer;
        private final MessageProducer producer;
        private final Mode mode;
        private final byte[] receipt;
        private final byte[] audit;
        private final Thread thread;
        private volatile boolean running = true;

        Forwarder(Connection connection, Mode mode, byte[] receipt, byte[] audit, int index) throws JMSException {
            this.connection = connection;
            this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
            this.consumer = session.createConsumer(session.createQueue(LoadDriver.INBOX));
            this.producer = session.createProducer(null);
            this.mode = mode;
            this.receipt = receipt;
            this.audit = audit;
            this.thread = new Thread(OwnThreadCpu.counted(this), FORWARDER_THREAD + index);
        }

        void start() {
            try {
                connection.start();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    Message message = consumer.receive(100);
                    if (message != null) {
                        forward((BytesMessage) message);
                        session.commit();
                    }
                }
            } catch (JMSException e) {
                if (running) {
                    throw new IllegalStateException("forwarder failed", e);
                }
            }
        }

        private void forward(BytesMessage in) throws JMSException {
            byte[] container = new byte[(int) in.getBodyLength()];
            in.readBytes(container);
            String noticeId = in.getStringProperty(LoadDriver.NOTICE_ID);
            String sender = in.getStringProperty(LoadDriver.BENCH_SENDER);
            String[] recipients = in.getStringProperty(LoadDriver.BENCH_RECIPIENTS).split(",");
            for (String recipient : recipients) {
                BytesMessage copy = session.createBytesMessage();
                copy.writeBytes(container);
                copy.setStringProperty(LoadDriver.NOTICE_ID, noticeId);
                copy.setStringProperty(LoadDriver.TYPE, "CHILD_CONCERN_REPORT");
                copy.setStringProperty(SENDER, sender);
                // Raw runs reuse the plan runs' notices on the same broker: their own ids, or the cache drops them.
                copy.setStringProperty(DUPLICATE_ID, (mode == Mode.COPY_ONLY ? "raw:" : "") + noticeId + ":"
                        + recipient);
                producer.send(session.createQueue(LoadDriver.agencyInbox(ParticipantId.of(recipient))), copy);
            }
            if (mode == Mode.FULL_PLAN) {
                // The hub audits a permitted copy twice, DISCLOSURE_DECIDED and NOTICE_DISPATCHED (Plans), and sends
                // a plan's events as one message (DispatchWriter).
                BytesMessage events = session.createBytesMessage();
                for (int i = 0; i < recipients.length * EVENTS_PER_RECIPIENT; i++) {
                    events.writeBytes(audit);
                }
                events.setStringProperty(LoadDriver.NOTICE_ID, noticeId);
                events.setStringProperty(AUDIT_EVENT_TYPE, "DISCLOSURE_DECIDED,NOTICE_DISPATCHED");
                // What the audit writer keeps in the handover table, where the respond-by watch reads it.
                events.setStringProperty(SENDER, sender);
                events.setLongProperty(RESPOND_BY, System.currentTimeMillis() + RESPOND_BY_MILLIS);
                producer.send(session.createQueue(AUDIT), events);
            }
            BytesMessage answer = session.createBytesMessage();
            answer.writeBytes(receipt);
            answer.setStringProperty(LoadDriver.TYPE, "SUBMISSION_RECEIPT");
            answer.setStringProperty(LoadDriver.IN_REPLY_TO, noticeId);
            answer.setStringProperty(DUPLICATE_ID, "receipt:" + noticeId);
            if (mode == Mode.FULL_PLAN) {
                producer.send(session.createQueue(LoadDriver.agencyInbox(ParticipantId.of(sender))), answer);
            }
        }

        void stop() throws JMSException, InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(5));
            connection.close();
        }
    }
}
