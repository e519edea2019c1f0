package se.samband.hub.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.HubNotices.markerPayload;

import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyClient;
import se.samband.hub.AuditProbe;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.dispatch.DispatchProperties;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.hub.system.RouteIds;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.seal.OpenedNotice;

/**
 * The respond-by watch on the running hub, polling the handover table every second: agencies connect over TLS with
 * their dev-PKI certificates, notices carry a respond-by time a few seconds ahead, and the escalations are opened
 * with the parties' own keys. In the demo federation a social service is its own escalation contact (see
 * RespondByWatchTest for a contact that is another participant).
 */
class WatchFlowTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_JONKOPING;
    private static final ParticipantId SOCIAL = HubNotices.SOC_JONKOPING;

    @Autowired
    HandoverStore handovers;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    /** The shared context leaves the watch off, because its other tests write handovers that are due at once. */
    @BeforeEach
    void startWatch() throws Exception {
        camel.getRouteController().startRoute(RouteIds.WATCH_RESPOND_BY);
    }

    @AfterEach
    void stopWatch() throws Exception {
        camel.getRouteController().stopRoute(RouteIds.WATCH_RESPOND_BY);
    }

    @Test
    void noticeNobodyAcceptsEscalatesOnceToContactAndSenderAndALaterAcceptanceClosesIt() throws Exception {
        Instant respondBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).respondBy(respondBy).build();
        UUID id = header.noticeId();
        String escalations = "type = 'ESCALATION' AND inReplyTo = '" + id + "'";

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(header, markerPayload()));
            assertThat(social.receive("noticeId = '" + id + "'", 20_000)).hasSize(1);

            List<Message> toContact = social.receive(escalations, 30_000);
            List<Message> toSender = police.receive(escalations, 10_000);

            assertThat(toContact).hasSize(1);
            assertThat(toSender).hasSize(1);
            assertEscalation(toContact.get(0), SOCIAL, id);
            assertEscalation(toSender.get(0), POLICE, id);
            assertThat(Instant.ofEpochMilli(toContact.get(0).getJMSTimestamp())).isAfterOrEqualTo(respondBy);
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id), s -> s.equals(Optional.of(
                    HandoverState.OVERDUE)));

            assertThat(watchDue(id)).as("waits for nothing more").isNull();

            NoticeHeader accepted = HubNotices.receipt(SOCIAL, NoticeType.ACCEPTED, id, POLICE).build();
            social.submit(notices.seal(accepted, markerPayload()));
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id), s -> s.equals(Optional.of(
                    HandoverState.ACCEPTED)));
        }
    }

    @Test
    void noticeAcceptedInTimeDoesNotEscalate() throws Exception {
        Instant respondBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(15);
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).respondBy(respondBy).build();
        UUID id = header.noticeId();
        String escalations = "type = 'ESCALATION' AND inReplyTo = '" + id + "'";

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(header, markerPayload()));
            assertThat(social.receive("noticeId = '" + id + "'", 20_000)).hasSize(1);
            NoticeHeader accepted = HubNotices.receipt(SOCIAL, NoticeType.ACCEPTED, id, POLICE).build();
            social.submit(notices.seal(accepted, markerPayload()));
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id), s -> s.equals(Optional.of(
                    HandoverState.ACCEPTED)));
            assertThat(Instant.now()).as("accepted before the respond-by time").isBefore(respondBy);
            assertThat(watchDue(id)).as("the acceptance ended the wait").isNull();
            // Past the respond-by time by three polls: no escalation came.
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(respondBy.plusSeconds(3)));

            assertThat(social.receive(escalations, 1_000)).isEmpty();
            assertThat(police.receive(escalations, 500)).isEmpty();
            assertThat(state(id)).contains(HandoverState.ACCEPTED);
            assertThat(new AuditProbe(jdbc).keysOf(id)).noneMatch(key -> key.contains("HANDOVER_ESCALATED"));
        }
    }

    private void assertEscalation(Message message, ParticipantId to, UUID notice) throws Exception {
        assertThat(message.getStringProperty(DispatchProperties.SENDER)).isEqualTo(ParticipantId.HUB.value());
        OpenedNotice opened = notices.open(BrokerProbe.body(message), to);
        assertThat(opened.header().type()).isEqualTo(NoticeType.ESCALATION);
        assertThat(opened.header().sender()).isEqualTo(ParticipantId.HUB);
        assertThat(opened.header().inReplyTo()).isEqualTo(notice);
        assertThat(opened.header().recipients()).containsExactly(to);
        assertThat(opened.header().reasonCode()).isEqualTo("RESPOND_BY_PASSED");
        assertThat(opened.header().subjects()).isEmpty();
        String payload = new String(opened.payload(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"recipient\":\"" + SOCIAL.value() + "\"", "\"inReplyTo\":\"" + notice + "\"")
                .doesNotContain(HubNotices.pseudonym("perpetrator"));
    }

    private Optional<HandoverState> state(UUID notice) {
        return handovers.find(notice, SOCIAL).map(Handover::state);
    }

    private Instant watchDue(UUID notice) {
        return new AuditProbe(jdbc).watchDue(notice, SOCIAL);
    }
}
