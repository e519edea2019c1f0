package se.samband.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AuditProbe;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HeldStorePausedTest;
import se.samband.hub.TestPlans;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.system.Endpoints;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

class DispatchWriterTest extends HeldStorePausedTest {
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private final DispatchWriter writer = new DispatchWriter();
    private BrokerProbe probe;
    private AuditProbe audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HandoverStore handovers;
    @Autowired
    AuditWriter auditWriter;
    private final UUID noticeId = UUID.randomUUID();
    private final ParticipantId sender = TestPlans.freshParticipant("polisen");
    private final ParticipantId recipient = TestPlans.freshParticipant("socialtjanst");
    private final ParticipantId heldFor = TestPlans.freshParticipant("region");

    @BeforeEach
    void probe() {
        probe = new BrokerProbe(connectionFactory, broker);
        audit = new AuditProbe(jdbc);
    }

    @Test
    void writesEveryPartOfThePlanToItsQueueWithIdsAndDuplicateKeys() throws Exception {
        Instant checkAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, checkAt);

        writeAndCommit(plan);

        List<Message> copies = probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 5_000);
        assertThat(copies).hasSize(1);
        Message copy = copies.get(0);
        assertThat(BrokerProbe.body(copy)).isEqualTo(plan.deliveries().get(0).container());
        assertThat(copy.getStringProperty("type")).isEqualTo("CHILD_CONCERN_REPORT");
        assertThat(copy.getStringProperty("sender")).isEqualTo(sender.value());
        assertThat(copy.getStringProperty(DUPLICATE_ID)).isEqualTo(noticeId + ":" + recipient.value());
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);

        List<Message> held = probe.drainNotice(Endpoints.HUB_HELD, noticeId, 5_000);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).getStringProperty("recipient")).isEqualTo(heldFor.value());
        assertThat(held.get(0).getStringProperty("reason")).isEqualTo("AWAITING_CONSENT");
        assertThat(held.get(0).getLongProperty("holdUntil"))
                .isEqualTo(plan.held().get(0).holdUntil().toEpochMilli());
        assertThat(BrokerProbe.body(held.get(0))).isEqualTo(plan.held().get(0).container());

        DispatchPlan.Receipt receipt = plan.receipts().get(0);
        List<Message> receipts = probe.drainNotice(Endpoints.agencyInbox(sender), receipt.noticeId(), 5_000);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).getStringProperty("inReplyTo")).isEqualTo(noticeId.toString());
        assertThat(receipts.get(0).getStringProperty("type")).isEqualTo("SUBMISSION_RECEIPT");
        assertThat(BrokerProbe.body(receipts.get(0))).isEqualTo(receipt.container());

        // The hub's audit writer consumes samband.hub.audit at once: the events are observed in its table, where
        // they arrive only if they decoded (AuditEventCodec) and carried their keys.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.keysOf(noticeId))
                .containsExactlyInAnyOrderElementsOf(plan.auditEvents().stream().map(AuditEvent::idempotencyKey)
                        .toList()));
        // Audit messages carry the notice's sender and the recipient's respond-by time for the handover state.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(handovers.handoversOf(noticeId))
                .extracting(HandoverStore.Handover::recipient, HandoverStore.Handover::sender,
                        HandoverStore.Handover::respondBy)
                .containsExactlyInAnyOrder(tuple(recipient, sender, checkAt), tuple(heldFor, sender, null)));

        // That respond-by time is the check: the respond-by watch reads the handover from then on; the held one waits
        // for the held store, not for the watch.
        assertThat(audit.watchDue(noticeId, recipient)).isEqualTo(checkAt);
        assertThat(audit.watchDue(noticeId, heldFor)).isNull();
    }

    @Test
    void nothingIsVisibleBeforeCommitAndNothingAfterRollback() throws Exception {
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            writer.write(plan, session);
            assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 300))
                    .as("uncommitted").isEmpty();
            session.rollback();
        }

        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 300)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 100)).isEmpty();
        assertThat(audit.keysOf(noticeId)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.agencyInbox(sender),
                plan.receipts().get(0).noticeId(), 100)).isEmpty();
    }

    @Test
    void planWrittenAgainIsRefusedWholeByDuplicateDetection() throws Exception {
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor,
                Instant.now().plus(1, ChronoUnit.HOURS));

        writeAndCommit(plan);
        // Artemis refuses a transaction that holds a duplicate as a whole: the second plan adds nothing anywhere.
        assertThatThrownBy(() -> writeAndCommit(plan)).isInstanceOf(JMSException.class)
                .hasRootCauseInstanceOf(ActiveMQDuplicateIdException.class);

        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 5_000)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.keysOf(noticeId))
                .hasSize(plan.auditEvents().size()));
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 1_000)).hasSize(1);
    }

    @Test
    void aPlansAuditEventsTravelAsOneMessagePerRespondByTime() throws Exception {
        Instant checkAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        ParticipantId second = TestPlans.freshParticipant("socialtjanst");
        List<AuditEvent> events = new ArrayList<>();
        for (ParticipantId to : List.of(recipient, second)) {
            for (AuditEventType type : List.of(AuditEventType.DISCLOSURE_DECIDED, AuditEventType.NOTICE_DISPATCHED)) {
                events.add(AuditEvent.builder(type, checkAt.minusSeconds(3600), ParticipantId.HUB.value())
                        .noticeId(noticeId).counterpart(to.value()).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                        .decision(AuditDecision.PERMIT).legalBasis(LegalBasisCode.DUTY_CHILD_CONCERN).build());
            }
        }
        DispatchPlan plan = new DispatchPlan(noticeId, List.of(), List.of(), List.of(), events, List.of(
                new DispatchPlan.RespondByCheck(noticeId, recipient, sender, checkAt),
                new DispatchPlan.RespondByCheck(noticeId, second, sender, checkAt)), null);
        long before = probe.messagesAdded(Endpoints.HUB_AUDIT);

        writeAndCommit(plan);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.keysOf(noticeId))
                .containsExactlyElementsOf(events.stream().map(AuditEvent::idempotencyKey).toList()));
        // Read once the writer has them: Artemis counts a committed message on its queue after the commit returns.
        assertThat(probe.messagesAdded(Endpoints.HUB_AUDIT) - before).as("four events, one respond-by time")
                .isEqualTo(1);
        for (ParticipantId to : List.of(recipient, second)) {
            assertThat(handovers.find(noticeId, to)).get().returns(checkAt, HandoverStore.Handover::respondBy)
                    .returns(sender, HandoverStore.Handover::sender);
        }
    }

    @Test
    void auditEventsWrittenAgainAreAppendedOnceByTheAuditWriter() throws Exception {
        DispatchPlan full = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now().plusSeconds(3600));
        DispatchPlan auditOnly = new DispatchPlan(noticeId, List.of(), List.of(), List.of(), full.auditEvents(),
                List.of(), null);

        long skippedBefore = auditWriter.duplicatesSkipped();
        // No broker duplicate id on audit events: both transactions commit, both messages reach the audit queue.
        writeAndCommit(auditOnly);
        writeAndCommit(auditOnly);

        await().atMost(Duration.ofSeconds(10)).until(
                () -> auditWriter.duplicatesSkipped() - skippedBefore >= full.auditEvents().size());
        assertThat(audit.keysOf(noticeId)).containsExactlyInAnyOrderElementsOf(
                full.auditEvents().stream().map(AuditEvent::idempotencyKey).toList());
    }

    @Test
    void refusalGoesToRejectedWithItsCodeAndTheContainer() throws Exception {
        DispatchPlan plan = TestPlans.rejectedPlan(noticeId, sender, ErrorCode.SIGNATURE_INVALID);

        writeAndCommit(plan);

        List<Message> rejected = probe.drainNotice(Endpoints.HUB_REJECTED, noticeId, 5_000);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getStringProperty("code")).isEqualTo("signature_invalid");
        assertThat(rejected.get(0).getStringProperty("sender")).isEqualTo(sender.value());
        assertThat(BrokerProbe.body(rejected.get(0))).isEqualTo(plan.rejected().container());
    }

    private void writeAndCommit(DispatchPlan plan) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            writer.write(plan, session);
            session.commit();
        }
    }
}
