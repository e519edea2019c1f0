package se.samband.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.HubNotices.markerPayload;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.AgencyClient;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.hub.system.Endpoints;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/**
 * A recipient that answers before the audit writer has recorded the handover (the state follows the broker by the
 * writer's batch): the receipt is not refused but rolled back for the broker to redeliver, and with the writer held
 * back past every attempt it is parked in the DLQ for an operator, never lost. (That it is forwarded once the
 * handover is there is RoutingTest's.)
 */
class EarlyReceiptTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;

    @Autowired
    AuditWriter auditWriter;
    @Autowired
    HandoverStore handovers;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void anAnswerFasterThanTheAuditWriterIsRetriedAndParkedNotRefused() throws Exception {
        NoticeHeader header = HubNotices.childConcern(POLICE, SOCIAL).build();
        UUID id = header.noticeId();
        NoticeHeader accepted = HubNotices.receipt(SOCIAL, NoticeType.ACCEPTED, id, POLICE).build();

        BrokerProbe probe = new BrokerProbe(connectionFactory, broker);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            auditWriter.stop();
            try {
                police.submit(notices.seal(header, markerPayload()));
                assertThat(social.receive("noticeId = '" + id + "'", 20_000)).hasSize(1);
                assertThat(handovers.find(id, SOCIAL)).as("not recorded while the writer waits").isEmpty();
                long parkedBefore = probe.messagesAdded(Endpoints.HUB_DLQ);
                social.submit(notices.seal(accepted, markerPayload()));

                // Retried through the broker's redelivery; the tests' broker gives up after three quick attempts
                // (HubSpringTest) where a hub's default back-off (1 s, doubling, ten attempts) outlasts any batch.
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.messagesAdded(Endpoints.HUB_DLQ),
                        added -> added == parkedBefore + 1);
                assertThat(social.receive("type = 'REJECTED' AND inReplyTo = '" + accepted.noticeId() + "'", 500))
                        .as("the early answer is not refused").isEmpty();
                // An expected race is an INFO line per attempt, not an ERROR with a stack trace (ErrorRoutes).
                assertThat(log.list).filteredOn(event -> event.getFormattedMessage().contains("receipt "
                                + accepted.noticeId() + " answers notice " + id))
                        .extracting(ILoggingEvent::getLevel).contains(Level.INFO).doesNotContain(Level.ERROR);
            } finally {
                auditWriter.start();
                root.detachAppender(log);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> handovers.find(id, SOCIAL).map(Handover::state),
                    state -> state.equals(Optional.of(HandoverState.DELIVERED)));
            assertThat(police.receive("type = 'ACCEPTED' AND inReplyTo = '" + id + "'", 500))
                    .as("parked for an operator to replay, not forwarded").isEmpty();
        }
    }
}
