package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsConfiguration;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AuditProbe;
import se.samband.hub.BrokerProbe;
import se.samband.hub.TestSenderStamp;
import se.samband.security.audit.AuditEvent;
import se.samband.hub.HeldStorePausedTest;
import se.samband.hub.HubSpringTest;
import se.samband.hub.TestPlans;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.intake.PipelineResult.Refusal;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.ErrorRoutes;
import se.samband.hub.system.RouteIds;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEventType;

/**
 * The inbox route in its own Camel context on the hub's embedded broker, reading a queue of its own, with a
 * scripted pipeline: what reaches which queue, in which transaction, and what is redelivered. The real
 * pipeline's refusals are covered per kind in {@code IntakeRefusalKindsTest}.
 */
class IntakeRouteTest extends HeldStorePausedTest {
    private static final int MAX_CONTAINER_BYTES = 4096;
    /** HubSpringTest sets samband.broker.max-delivery-attempts=3. */
    private static final int MAX_DELIVERY_ATTEMPTS = 3;
    private static final int MAX_PER_TRANSACTION = 4;

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private final String inbox = TestSenderStamp.PREFIX + "inbox." + UUID.randomUUID();
    private final ParticipantId sender = TestPlans.freshParticipant("polisen");
    private final ParticipantId recipient = TestPlans.freshParticipant("socialtjanst");
    private final ParticipantId heldFor = TestPlans.freshParticipant("region");
    /** What the scripted pipeline does per notice id (the container is the notice id's text). */
    private final Map<UUID, Function<Submission, PipelineResult>> script = new ConcurrentHashMap<>();
    private final List<Submission> seen = new CopyOnWriteArrayList<>();
    /** Per submission (by notice id), whether its transaction already held a dispatch of each earlier notice. */
    private final Map<UUID, List<UUID>> heldBefore = new ConcurrentHashMap<>();
    private final List<PipelineResult> committed = new CopyOnWriteArrayList<>();
    private final List<PipelineResult> abandoned = new CopyOnWriteArrayList<>();
    private final Map<UUID, AtomicInteger> writes = new ConcurrentHashMap<>();
    /** Notice ids whose plan the writer refuses halfway (as a malformed participant id in it would be). */
    private final java.util.Set<UUID> refusedWhileWriting = ConcurrentHashMap.newKeySet();
    /** Notice ids whose plan the writer abandons halfway, and on how many attempts. */
    private final Map<UUID, Integer> crashHalfway = new ConcurrentHashMap<>();
    private final InboxListenerContainers containers = new InboxListenerContainers(MAX_PER_TRANSACTION);
    private DefaultCamelContext camel;
    private BrokerProbe probe;
    private AuditProbe audit;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startRoute() throws Exception {
        probe = new BrokerProbe(connectionFactory, broker);
        audit = new AuditProbe(jdbc);
        TestSenderStamp.install(broker.getActiveMQServer());
        NoticePipeline pipeline = new NoticePipeline() {
            @Override
            public PipelineResult process(Submission submission) {
                seen.add(submission);
                UUID noticeId = UUID.fromString(new String(submission.container(),
                        java.nio.charset.StandardCharsets.UTF_8));
                heldBefore.put(noticeId, script.keySet().stream()
                        .filter(InboxTransaction.current()::holdsDispatchOf).toList());
                return script.get(noticeId).apply(submission);
            }

            @Override
            public void committed(PipelineResult result) {
                committed.add(result);
            }

            @Override
            public void abandoned(PipelineResult result) {
                abandoned.add(result);
            }
        };
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("samband.intake.queue", inbox);
        properties.put("samband.intake.concurrent-consumers", "1");
        properties.put("samband.intake.max-concurrent-consumers", "1");
        camel.getPropertiesComponent().setInitialProperties(properties);
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        camel.addComponent("jms", jms);
        camel.addRoutes(new ErrorRoutes());
        camel.addRoutes(new IntakeRoute(pipeline, new CrashingWriter(),
                MAX_CONTAINER_BYTES, Clock.systemUTC(), containers));
        camel.start();
    }

    @AfterEach
    void stopRoute() {
        camel.stop();
    }

    @Test
    void submissionLeadsToCopyReceiptAuditAndCheckCommittedWithTheConsumption() throws Exception {
        UUID noticeId = UUID.randomUUID();
        Instant checkAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, checkAt);
        script.put(noticeId, submission -> accepted(plan));

        submit(noticeId, sender.value());

        List<Message> copies = probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 10_000);
        assertThat(copies).hasSize(1);
        assertThat(BrokerProbe.body(copies.get(0))).isEqualTo(plan.deliveries().get(0).container());
        UUID receiptId = plan.receipts().get(0).noticeId();
        assertThat(probe.drainNotice(Endpoints.agencyInbox(sender), receiptId, 5_000)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.keysOf(noticeId))
                .containsExactlyInAnyOrderElementsOf(plan.auditEvents().stream().map(AuditEvent::idempotencyKey)
                        .toList()));
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 5_000)).hasSize(1);
        // The respond-by check travelled on the audit message: the handover waits for the watch from then on.
        assertThat(audit.watchDue(noticeId, recipient)).isEqualTo(checkAt);
        assertThat(probe.drain(inbox, null, 300)).as("consumed in the same commit").isEmpty();

        assertThat(seen).hasSize(1);
        Submission submission = seen.get(0);
        assertThat(submission.authenticatedSender()).isEqualTo(sender);
        assertThat(submission.transport()).isEqualTo(Submission.Transport.JMS);
        assertThat(submission.container()).isEqualTo(noticeId.toString().getBytes());
        assertThat(writes.get(noticeId)).hasValue(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> committed.size() == 1);
        assertThat(committed.get(0).plan()).isSameAs(plan);
    }

    @Test
    void inboxConsumerRunsALocalTransactionOnACachedConsumerWithoutATransactionManager() {
        JmsEndpoint endpoint = (JmsEndpoint) camel.getRoute(RouteIds.INTAKE_INBOX).getEndpoint();
        JmsConfiguration configuration = endpoint.getConfiguration();

        assertThat(endpoint.getDestinationName()).isEqualTo(inbox);
        assertThat(configuration.isTransacted()).isTrue();
        assertThat(configuration.isLazyCreateTransactionManager()).isFalse();
        assertThat(configuration.getTransactionManager()).isNull();
        assertThat(configuration.getCacheLevelName()).isEqualTo("CACHE_CONSUMER");
        assertThat(configuration.isExposeListenerSession()).isTrue();
        assertThat(configuration.getConcurrentConsumers()).isEqualTo(1);
    }

    @Test
    void planAbandonedHalfwayOnEveryAttemptLeavesNothingAndIsParkedInTheDlq() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        script.put(noticeId, submission -> accepted(plan));
        crashHalfway.put(noticeId, Integer.MAX_VALUE);

        submit(noticeId, sender.value());

        List<Message> parked = probe.drain(Endpoints.HUB_DLQ, "testNoticeId = '" + noticeId + "'", 15_000);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(inbox);
        assertThat(writes.get(noticeId)).as("one write per delivery attempt").hasValue(MAX_DELIVERY_ATTEMPTS);
        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 300)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.agencyInbox(sender), plan.receipts().get(0).noticeId(), 100))
                .isEmpty();
        assertThat(audit.keysOf(noticeId)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 100)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.HUB_REJECTED, noticeId, 100)).isEmpty();
        assertThat(committed).as("no attempt committed").isEmpty();
    }

    @Test
    void planAbandonedHalfwayOnceIsRedeliveredAndWrittenExactlyOnce() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        script.put(noticeId, submission -> accepted(plan));
        crashHalfway.put(noticeId, 1);

        submit(noticeId, sender.value());

        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 10_000)).hasSize(1);
        assertThat(writes.get(noticeId)).hasValue(2);
        assertThat(seen).hasSize(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !committed.isEmpty());
        assertThat(committed).as("only the attempt that committed").hasSize(1);
        assertThat(abandoned).as("the pipeline is told of the attempt that rolled back").hasSize(1);
        assertThat(probe.drainNotice(Endpoints.agencyInbox(sender), plan.receipts().get(0).noticeId(),
                2_000)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.keysOf(noticeId))
                .hasSize(plan.auditEvents().size()));
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 2_000)).hasSize(1);
    }

    @Test
    void transientFailureIsRolledBackRedeliveredAndFinallyParkedInTheDlq() throws Exception {
        UUID noticeId = UUID.randomUUID();
        script.put(noticeId, submission -> {
            throw new IllegalStateException("database unavailable (test)");
        });

        submit(noticeId, sender.value());

        List<Message> parked = probe.drain(Endpoints.HUB_DLQ, "testNoticeId = '" + noticeId + "'", 15_000);
        assertThat(parked).hasSize(1);
        assertThat(BrokerProbe.body(parked.get(0))).isEqualTo(noticeId.toString().getBytes());
        assertThat(seen).as("no in-memory retry: one pipeline run per broker delivery")
                .hasSize(MAX_DELIVERY_ATTEMPTS);
        assertThat(probe.drain(Endpoints.HUB_REJECTED, "sender = '" + sender.value() + "'", 200)).isEmpty();
    }

    @Test
    void refusalFromThePipelineGoesToRejectedWithItsCode() throws Exception {
        UUID noticeId = UUID.randomUUID();
        script.put(noticeId, submission -> new PipelineResult(
                TestPlans.rejectedPlan(noticeId, sender, ErrorCode.SIGNATURE_INVALID), List.of(),
                new Refusal(ErrorCode.SIGNATURE_INVALID, noticeId)));

        submit(noticeId, sender.value());

        List<Message> rejected = probe.drainNotice(Endpoints.HUB_REJECTED, noticeId, 10_000);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getStringProperty("code")).isEqualTo("signature_invalid");
        assertThat(rejected.get(0).getStringProperty("sender")).isEqualTo(sender.value());
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusalThrownByThePipelineIsWrittenToRejectedAndAuditedNotRetried() throws Exception {
        UUID noticeId = UUID.randomUUID();
        script.put(noticeId, submission -> {
            throw new SambandException(ErrorCode.CERTIFICATE_REVOKED, "sender certificate revoked (test)");
        });

        submit(noticeId, sender.value());

        Message rejected = awaitRejected(noticeId);
        assertThat(rejected.getStringProperty("code")).isEqualTo("certificate_revoked");
        assertThat(rejected.getStringProperty("sender")).isEqualTo(sender.value());
        assertThat(seen).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                audit.reasonCodesWithCounterpart(sender.value(), AuditEventType.NOTICE_REJECTED.name()))
                .containsExactly("certificate_revoked"));
    }

    @Test
    void aPlanTheWriterRefusesHalfwayIsRolledBackAndRetriedNotRefusedWithHalfOfItCommitted() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        script.put(noticeId, submission -> accepted(plan));
        refusedWhileWriting.add(noticeId);

        submit(noticeId, sender.value());

        assertThat(probe.drain(Endpoints.HUB_DLQ, "testNoticeId = '" + noticeId + "'", 15_000)).hasSize(1);
        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 300)).as("the half sent").isEmpty();
        assertThat(probe.drain(Endpoints.HUB_REJECTED, "sender = '" + sender.value() + "'", 200)).isEmpty();
        assertThat(committed).isEmpty();
        assertThat(abandoned).as("every attempt's result ends its claim").hasSize(MAX_DELIVERY_ATTEMPTS)
                .allSatisfy(result -> assertThat(result.plan()).isSameAs(plan));
    }

    @Test
    void messageWithoutAnAuthenticatedSenderIsRejectedAsSenderUnknown() throws Exception {
        UUID noticeId = UUID.randomUUID();
        script.put(noticeId, submission -> {
            throw new AssertionError("the pipeline must not see an unauthenticated submission");
        });

        submit(noticeId, null);

        Message rejected = awaitRejected(noticeId);
        assertThat(rejected.getStringProperty("code")).isEqualTo("sender_unknown");
        assertThat(rejected.propertyExists("sender")).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void containerOverTheLimitIsRejectedUnreadAsNoticeTooLarge() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(new byte[MAX_CONTAINER_BYTES + 1]);
            message.setStringProperty(TestSenderStamp.PROPERTY, sender.value());
            session.createProducer(session.createQueue(inbox)).send(message);
        }

        List<Message> rejected = await().atMost(Duration.ofSeconds(10)).until(() -> probe.drain(
                Endpoints.HUB_REJECTED, "code = 'notice_too_large' AND sender = '" + sender.value() + "'", 500),
                messages -> !messages.isEmpty());
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0)).as("the oversized container is not kept").isNotInstanceOf(BytesMessage.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void noticesWaitingTogetherShareTransactionsUpToTheLimit() throws Exception {
        List<UUID> ids = new java.util.ArrayList<>();
        Map<UUID, DispatchPlan> plans = new java.util.HashMap<>();
        for (int i = 0; i < MAX_PER_TRANSACTION + 2; i++) {
            UUID noticeId = UUID.randomUUID();
            DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
            script.put(noticeId, submission -> accepted(plan));
            ids.add(noticeId);
            plans.put(noticeId, plan);
        }

        submitTogether(ids);

        for (UUID noticeId : ids) {
            assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 10_000)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> committed.size() == ids.size());
        assertThat(containers.messagesCommitted()).isEqualTo(ids.size());
        assertThat(containers.transactionsCommitted()).as("4 + 2").isEqualTo(2);
        assertThat(seen).hasSize(ids.size());
        assertThat(abandoned).isEmpty();
        assertThat(heldBefore.get(ids.get(3))).as("the first transaction holds the dispatches before it")
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        assertThat(heldBefore.get(ids.get(4))).as("a new transaction starts empty").isEmpty();
        assertThat(heldBefore.get(ids.get(5))).containsExactly(ids.get(4));
        for (UUID noticeId : ids) {
            assertThat(probe.drainNotice(Endpoints.agencyInbox(sender), plans.get(noticeId).receipts().get(0)
                    .noticeId(), 2_000)).hasSize(1);
        }
    }

    @Test
    void aFailureCostsTheEarlierNoticesOfItsTransactionOneAttemptAndNoMore() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        for (UUID noticeId : List.of(first, second, after)) {
            DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
            script.put(noticeId, submission -> accepted(plan));
        }
        script.put(failing, submission -> {
            throw new IllegalStateException("database unavailable (test)");
        });

        submitTogether(List.of(first, second, failing, after));

        assertThat(probe.drain(Endpoints.HUB_DLQ, "testNoticeId = '" + failing + "'", 15_000)).hasSize(1);
        for (UUID noticeId : List.of(first, second, after)) {
            assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 10_000)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> committed.size() == 3);
        assertThat(timesSeen(failing)).isEqualTo(MAX_DELIVERY_ATTEMPTS);
        // Rolled back once with the failing notice; redelivered, each ends its own transaction, which only its own
        // failure could roll back, so the failing notice's later attempts cannot cost them another.
        assertThat(timesSeen(first)).isEqualTo(2);
        assertThat(timesSeen(second)).isEqualTo(2);
        // Not consumed in the transaction that failed; on its first delivery it may share one with the failing
        // notice's redelivery (as that transaction's last message), and lose that attempt, but no other.
        assertThat(timesSeen(after)).isBetween(1L, 2L);
        assertThat(committed).extracting(result -> result.plan().noticeId())
                .containsExactlyInAnyOrder(first, second, after);
        // Every result the pipeline gave is committed or abandoned, once: none of its claims outlives its transaction.
        assertThat(abandoned).extracting(result -> result.plan().noticeId()).contains(first, second);
        assertThat(committed.size() + abandoned.size()).isEqualTo(seen.size() - MAX_DELIVERY_ATTEMPTS);
    }

    private long timesSeen(UUID noticeId) {
        byte[] container = noticeId.toString().getBytes();
        return seen.stream().filter(s -> java.util.Arrays.equals(s.container(), container)).count();
    }

    /** Puts the notices on the inbox in one producer transaction, so the consumer finds them all waiting. */
    private void submitTogether(List<UUID> noticeIds) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue(inbox));
            for (UUID noticeId : noticeIds) {
                producer.send(inboxMessage(session, noticeId, sender.value()));
            }
            session.commit();
        }
    }

    private Message awaitRejected(UUID noticeId) throws JMSException {
        // A refusal raised before the header is read has no notice id: find it by the container it keeps.
        byte[] container = noticeId.toString().getBytes();
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message message : probe.drain(Endpoints.HUB_REJECTED, "noticeId IS NULL", 500)) {
                if (message instanceof BytesMessage && java.util.Arrays.equals(BrokerProbe.body(message), container)) {
                    return message;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private void submit(UUID noticeId, String validatedUser) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(inbox)).send(inboxMessage(session, noticeId, validatedUser));
        }
    }

    private static BytesMessage inboxMessage(Session session, UUID noticeId, String validatedUser)
            throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(noticeId.toString().getBytes());
        message.setStringProperty("testNoticeId", noticeId.toString());
        if (validatedUser != null) {
            // The broker stamps _AMQ_VALIDATED_USER on certificate logins; for in-VM test sends TestSenderStamp.
            message.setStringProperty(TestSenderStamp.PROPERTY, validatedUser);
        }
        return message;
    }

    private static PipelineResult accepted(DispatchPlan plan) {
        return new PipelineResult(plan, List.of(), null);
    }

    /** Writes the recipient copies and receipts, then fails as a crash would, on the first N attempts. */
    private final class CrashingWriter extends DispatchWriter {
        @Override
        public void write(DispatchPlan plan, Session session) throws JMSException {
            int attempt = plan.noticeId() == null ? 1
                    : writes.computeIfAbsent(plan.noticeId(), id -> new AtomicInteger()).incrementAndGet();
            Integer crashes = plan.noticeId() == null ? null : crashHalfway.get(plan.noticeId());
            if (plan.noticeId() != null && refusedWhileWriting.contains(plan.noticeId())) {
                super.write(new DispatchPlan(plan.noticeId(), plan.deliveries(), List.of(), List.of(), List.of(),
                        List.of(), null), session);
                throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "participant id is not kind.slug (test)");
            }
            if (crashes != null && attempt <= crashes) {
                super.write(new DispatchPlan(plan.noticeId(), plan.deliveries(), List.of(), plan.receipts(),
                        List.of(), List.of(), null), session);
                throw new IllegalStateException("hub crashed after half the plan (test)");
            }
            super.write(plan, session);
        }
    }
}
