package se.samband.hub.audit;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import se.samband.hub.TestSupport;
import se.samband.hub.handover.HandoverProjection;
import se.samband.hub.system.Endpoints;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.CheckpointSigner;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * What the audit writer runs on, without the hub's Spring context (whose FederationTrust comes from the
 * transport): a real embedded Artemis broker on an in-VM id of its own (the hub's context in the same JVM
 * uses 0), the demo federation's dev PKI for the hub's signing key, and a migrated database.
 */
public final class AuditTestBed implements AutoCloseable {
    private static final AtomicInteger SERVER_IDS = new AtomicInteger(7100);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static DevPki.Result pki;

    private final EmbeddedActiveMQ broker;
    private final ActiveMQConnectionFactory connectionFactory;

    private AuditTestBed(EmbeddedActiveMQ broker, ActiveMQConnectionFactory connectionFactory) {
        this.broker = broker;
        this.connectionFactory = connectionFactory;
    }

    /** Starts a broker with the hub's audit and dead-letter queues. */
    public static AuditTestBed start() throws Exception {
        int serverId = SERVER_IDS.incrementAndGet();
        Configuration config = new ConfigurationImpl()
                .setName("audit-test-" + serverId)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, serverId), "in-vm"));
        for (String queue : new String[] {Endpoints.HUB_AUDIT, Endpoints.HUB_DLQ}) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return new AuditTestBed(broker, new ActiveMQConnectionFactory("vm://" + serverId));
    }

    /** The demo federation's dev PKI, made once per JVM (key generation is the slow part). */
    public static synchronized DevPki.Result pki() {
        if (pki == null) {
            pki = DevPki.init(TestSupport.demoFederation(), TestSupport.newDataDir("audit-pki"),
                    DevPki.Options.defaults());
        }
        return pki;
    }

    public static PrivateKeyAccess hubKey() {
        return pki().keyAccess(ParticipantId.HUB, DevPki.DEFAULT_PASSWORD.toCharArray());
    }

    /** Runs the hub's migrations. */
    public static void migrate(DataSource dataSource, String... schemas) {
        Flyway.configure().dataSource(dataSource).schemas(schemas).locations("classpath:db/migration").load()
                .migrate();
    }

    public static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    }

    public AuditWriter writer(DataSource dataSource, AuditProperties settings) {
        return new AuditWriter(connectionFactory, dataSource, new CheckpointSigner(hubKey(), Clock.systemUTC()),
                new HandoverProjection(), Clock.systemUTC(), settings);
    }

    public ActiveMQConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** Sends events as the dispatcher does: one committed transaction, JSON bytes, optional handover properties. */
    public void send(AuditEvent... events) {
        send(null, null, events);
    }

    public void send(ParticipantId sender, Instant respondBy, AuditEvent... events) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            var producer = context.createProducer();
            for (AuditEvent event : events) {
                BytesMessage message = context.createBytesMessage();
                message.writeBytes(AuditEventCodec.encode(event));
                if (sender != null) {
                    message.setStringProperty(AuditEventCodec.SENDER_PROPERTY, sender.value());
                }
                if (respondBy != null) {
                    message.setLongProperty(AuditEventCodec.RESPOND_BY_PROPERTY, respondBy.toEpochMilli());
                }
                producer.send(context.createQueue(Endpoints.HUB_AUDIT), message);
            }
            context.commit();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends events as the dispatcher sends a plan's: one message holding them all, in one transaction. */
    public void sendBundle(ParticipantId sender, Instant respondBy, AuditEvent... events) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            BytesMessage message = context.createBytesMessage();
            message.writeBytes(AuditEventCodec.encodeAll(List.of(events)));
            message.setStringProperty(AuditEventCodec.SENDER_PROPERTY, sender.value());
            message.setLongProperty(AuditEventCodec.RESPOND_BY_PROPERTY, respondBy.toEpochMilli());
            context.createProducer().send(context.createQueue(Endpoints.HUB_AUDIT), message);
            context.commit();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes, e.g. a message that is no audit event. */
    public void sendRaw(byte[] body) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.createProducer().send(context.createQueue(Endpoints.HUB_AUDIT), body);
        }
    }

    /** The next message parked in the DLQ with its body and parking properties, or null within the timeout. */
    public Parked receiveParked(long timeoutMillis) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             var consumer = context.createConsumer(context.createQueue(Endpoints.HUB_DLQ))) {
            Message message = consumer.receive(timeoutMillis);
            if (message == null) {
                return null;
            }
            byte[] body = message instanceof BytesMessage bytes ? new byte[(int) bytes.getBodyLength()] : new byte[0];
            if (message instanceof BytesMessage bytes) {
                bytes.readBytes(body);
            }
            return new Parked(body, message.getStringProperty(AuditWriter.PARKED_REASON_PROPERTY),
                    message.getStringProperty(AuditWriter.PARKED_FROM_PROPERTY));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Parked(byte[] body, String reason, String from) {
    }

    public static String pseudonym() {
        return "ps1:" + randomDigest();
    }

    public static String randomDigest() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        connectionFactory.close();
        broker.stop();
    }
}
