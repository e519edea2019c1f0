package se.samband.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyClient;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.console.Backlog.BacklogRow;
import se.samband.hub.console.BrokerQueues.QueueView;
import se.samband.hub.console.ParkedMessages.ParkedQueue;
import se.samband.hub.console.ParkedMessages.ParkedView;
import se.samband.hub.console.ParticipantOverview.ParticipantView;
import se.samband.hub.console.RouteOperations.RouteView;
import se.samband.hub.held.HeldNotices;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RouteIds;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;

/**
 * The operator console's services on the running hub (shared context): routes with suspend and resume, queues,
 * parked messages driven there by real redelivery and real refusals, replay and discard, the backlog from a real
 * held notice whose hold runs out, and participants' last contact. Each action is found in the audit trail with the
 * operator's account.
 */
class OperatorConsoleTest extends HubSpringTest {
    private static final String OPERATOR = "operator:ops-console-test";
    private static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;

    @Autowired
    RouteOperations routes;
    @Autowired
    BrokerQueues queues;
    @Autowired
    ParkedMessages parked;
    @Autowired
    Backlog backlog;
    @Autowired
    ParticipantOverview participants;
    @Autowired
    ParticipantContacts contacts;
    @Autowired
    HeldNotices heldNotices;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate jdbc;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void suspendsAndResumesTheIntakeRouteAndAuditsBothWithTheOperatorsAccount() {
        RouteView intake = route(RouteIds.INTAKE_INBOX);
        assertThat(intake.state()).isEqualTo("Started");
        assertThat(intake.from()).isEqualTo("jms://queue:" + Endpoints.HUB_INBOX);
        try {
            assertThat(routes.suspend(RouteIds.INTAKE_INBOX, OPERATOR).state()).isEqualTo("Suspended");
            assertThat(route(RouteIds.INTAKE_INBOX).state()).isEqualTo("Suspended");
        } finally {
            assertThat(routes.resume(RouteIds.INTAKE_INBOX, OPERATOR).state()).isEqualTo("Started");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> auditReasons("ROUTE_SUSPENDED")
                .contains(RouteIds.INTAKE_INBOX) && auditReasons("ROUTE_RESUMED").contains(RouteIds.INTAKE_INBOX));
        assertThatThrownBy(() -> routes.suspend("no-such-route", OPERATOR))
                .isInstanceOfSatisfying(ConsoleRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ROUTE_UNKNOWN));
    }

    @Test
    void countsCompletedExchangesPerRoute() throws Exception {
        long before = route(RouteIds.INTAKE_INBOX).completed();
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> route(RouteIds.INTAKE_INBOX).completed() > before);
    }

    @Test
    void showsHubQueuesAndEveryAgencyInboxWithDepthAndOldestAge() throws Exception {
        ParticipantId quiet = ParticipantId.of("socialtjanst.jonkoping");
        String marker = UUID.randomUUID().toString();
        copies().send(Endpoints.agencyInbox(quiet), marker);
        try {
            List<QueueView> all = queues.queues();
            assertThat(all).extracting(QueueView::name).contains(Endpoints.HUB_INBOX, Endpoints.HUB_DLQ,
                    Endpoints.HUB_REJECTED, Endpoints.agencyInbox(SOCIAL));
            QueueView inbox = all.stream().filter(q -> q.name().equals(Endpoints.agencyInbox(quiet))).findFirst()
                    .orElseThrow();
            assertThat(inbox.participant()).isEqualTo(quiet.value());
            assertThat(inbox.depth()).isGreaterThanOrEqualTo(1);
            assertThat(inbox.oldestAgeSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
            assertThat(all.stream().filter(q -> q.name().equals(Endpoints.HUB_INBOX)).findFirst().orElseThrow()
                    .consumers()).isPositive();
        } finally {
            new BrokerProbe(connectionFactory, broker).drainNotice(Endpoints.agencyInbox(quiet),
                    UUID.fromString(marker), 1000);
        }
    }

    @Test
    void replaysADeadLetterToItsOriginalQueueAndDiscardsAnother() throws Exception {
        String queue = Endpoints.agencyInbox(SOCIAL);
        UUID replayed = UUID.randomUUID();
        UUID discarded = UUID.randomUUID();
        deadLetter(queue, replayed);
        deadLetter(queue, discarded);

        ParkedView entry = await().atMost(Duration.ofSeconds(10)).until(() -> parked(ParkedQueue.DLQ, replayed),
                Optional::isPresent).orElseThrow();
        assertThat(entry.target()).isEqualTo(queue);
        assertThat(entry.reasonCode()).isEqualTo(ParkedMessages.DELIVERY_ATTEMPTS_EXHAUSTED);
        assertThat(entry.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT.name());
        assertThat(entry.sender()).isEqualTo(POLICE.value());

        parked.replay(ParkedQueue.DLQ, entry.id(), OPERATOR);

        assertThat(parked(ParkedQueue.DLQ, replayed)).isEmpty();
        List<Message> back = new BrokerProbe(connectionFactory, broker).drainNotice(queue, replayed, 5000);
        assertThat(back).hasSize(1);
        assertThat(BrokerProbe.body(back.get(0))).isEqualTo(replayed.toString().getBytes(StandardCharsets.UTF_8));

        ParkedView other = await().atMost(Duration.ofSeconds(10)).until(() -> parked(ParkedQueue.DLQ, discarded),
                Optional::isPresent).orElseThrow();
        parked.discard(ParkedQueue.DLQ, other.id(), OPERATOR);
        assertThat(parked(ParkedQueue.DLQ, discarded)).isEmpty();
        assertThatThrownBy(() -> parked.discard(ParkedQueue.DLQ, other.id(), OPERATOR))
                .isInstanceOfSatisfying(ConsoleRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PARKED_MESSAGE_NOT_FOUND));

        await().atMost(Duration.ofSeconds(20)).until(() -> auditNotices("DLQ_REPLAYED").contains(replayed.toString())
                && auditNotices("DLQ_DISCARDED").contains(discarded.toString()));
    }

    @Test
    void replaysARefusedNoticeThroughTheIntakeAsItsAuthenticatedSender() throws Exception {
        // Addressed to its own sender: refused route_not_permitted, with the sender the broker authenticated.
        NoticeHeader header = HubNotices.childConcern(POLICE, POLICE).build();
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        ParkedView refused = await().atMost(Duration.ofSeconds(20))
                .until(() -> parked(ParkedQueue.REJECTED, header.noticeId()), Optional::isPresent).orElseThrow();
        assertThat(refused.sender()).isEqualTo(POLICE.value());
        assertThat(refused.reasonCode()).isEqualTo(ErrorCode.ROUTE_NOT_PERMITTED.code());
        assertThat(refused.target()).isEqualTo(Endpoints.HUB_INBOX);

        parked.replay(ParkedQueue.REJECTED, refused.id(), OPERATOR);

        // The intake reads the copy as sent by the police (a copy stamped by the hub would be refused as sent by
        // samband.hub), refuses it the same way again and answers with a second REJECTED receipt: the copy is a new
        // entry in the rejected queue, never a dead letter.
        ParkedView again = await().atMost(Duration.ofSeconds(20))
                .until(() -> parked(ParkedQueue.REJECTED, header.noticeId())
                        .filter(entry -> entry.id() != refused.id()), Optional::isPresent).orElseThrow();
        assertThat(again.sender()).isEqualTo(POLICE.value());
        assertThat(again.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT.name());
        assertThat(again.reasonCode()).isEqualTo(ErrorCode.ROUTE_NOT_PERMITTED.code());
        assertThat(parked(ParkedQueue.DLQ, header.noticeId())).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> auditNotices("DLQ_REPLAYED")
                .contains(header.noticeId().toString()));
        parked.discard(ParkedQueue.REJECTED, again.id(), OPERATOR);
    }

    @Test
    void countsHeldNoticesAndOverdueHandoversByParticipant() throws Exception {
        BacklogRow socialBefore = row(SOCIAL);
        BacklogRow frivardBefore = row(FRIVARD);
        NoticeHeader header = heldNotice();
        try (AgencyClient frivard = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR)) {
            frivard.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> row(SOCIAL).heldForIt() == socialBefore.heldForIt() + 1);
        assertThat(row(FRIVARD).heldFromIt()).isEqualTo(frivardBefore.heldFromIt() + 1);

        // Its hold window has run out (moved into the past, as HeldNoticeFlowTest does): the handover is overdue.
        jdbc.update("UPDATE held_notice SET hold_until = ? WHERE notice_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), header.noticeId().toString());
        heldNotices.sweep();

        await().atMost(Duration.ofSeconds(20)).until(() -> row(SOCIAL).overdueAtIt() == socialBefore.overdueAtIt() + 1);
        assertThat(row(SOCIAL).heldForIt()).isEqualTo(socialBefore.heldForIt());
        assertThat(row(FRIVARD).overdueFromIt()).isEqualTo(frivardBefore.overdueFromIt() + 1);
    }

    @Test
    void showsLastContactAndCertificateExpiryOfEachParticipant() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            assertThat(police).isNotNull();
        }
        ParticipantView view = participants.participants().stream().filter(p -> p.id().equals(POLICE.value()))
                .findFirst().orElseThrow();
        assertThat(view.lastContact()).isAfter(before);
        assertThat(view.kind()).isEqualTo("POLISEN");
        assertThat(view.certificateNotAfter()).isEqualTo(notices.certificate(POLICE).getNotAfter().toInstant());
        assertThat(view.daysToExpiry()).isGreaterThan(ParticipantOverview.WARN_BEFORE.toDays());
        assertThat(view.certificateWarning()).isFalse();
        assertThat(participants.participants()).extracting(ParticipantView::id)
                .doesNotContain(ParticipantId.HUB.value());

        contacts.flush();
        Timestamp stored = jdbc.queryForObject("SELECT last_contact FROM participant_contact WHERE participant = ?",
                Timestamp.class, POLICE.value());
        assertThat(stored.toInstant()).isAfter(before);
    }

    private RouteView route(String id) {
        return routes.routes().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private Optional<ParkedView> parked(ParkedQueue queue, UUID noticeId) {
        return parked.list(queue, OperatorController.MAX_LISTED).stream()
                .filter(p -> noticeId.toString().equals(p.noticeId())).reduce((first, last) -> last);
    }

    private BacklogRow row(ParticipantId participant) {
        return backlog.byParticipant().stream().filter(r -> r.participant().equals(participant.value())).findFirst()
                .orElse(new BacklogRow(participant.value(), 0, 0, 0, 0));
    }

    private List<String> auditReasons(String type) {
        return jdbc.queryForList("SELECT reason_code FROM audit_entry WHERE type = ? AND actor = ?", String.class,
                type, OPERATOR);
    }

    private List<String> auditNotices(String type) {
        return jdbc.queryForList("SELECT CAST(notice_id AS VARCHAR(36)) FROM audit_entry WHERE type = ? AND actor = ?",
                String.class, type, OPERATOR);
    }

    /** Copies from the police, put straight on queues. */
    private QueuedCopies copies() {
        return new QueuedCopies(connectionFactory, POLICE);
    }

    /** Puts a copy on {@code queue} and rolls its delivery back until the broker parks it in the DLQ. */
    private void deadLetter(String queue, UUID noticeId) throws Exception {
        assertThat(copies().deadLetter(queue, noticeId)).as("deliveries before the DLQ").isEqualTo(3);
    }

    private static NoticeHeader heldNotice() {
        return HubNotices.releaseNotice(FRIVARD, SOCIAL, PipelineFixture.pseudonym("console " + UUID.randomUUID()),
                "kvv-never-" + UUID.randomUUID()).build();
    }
}
