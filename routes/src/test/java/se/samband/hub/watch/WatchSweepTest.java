package se.samband.hub.watch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AuditProbe;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubSpringTest;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.DueHandovers;
import se.samband.hub.handover.DueHandovers.Due;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.system.Endpoints;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;

/**
 * One sweep of the respond-by watch against the hub's database and broker, with handover rows written as the audit
 * writer leaves them: what it escalates and clears, a claim lost to a change since the read, and an escalation
 * written again after a crash before its clear, which the broker refuses and the sweep takes as done. The shared
 * context's own watch is off (HubSpringTest); other tests' due rows may be swept too, so this looks at its own rows.
 */
class WatchSweepTest extends HubSpringTest {
    /** Participants no other watch test uses; Varberg is its own escalation contact in the demo federation. */
    private static final ParticipantId POLICE = ParticipantId.of("polisen.halland");
    private static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.varberg");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Directory directory;
    @Autowired
    FederationTrust trust;
    @Autowired
    DispatchWriter writer;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private DueHandovers due;
    private WatchSweep sweep;
    private BrokerProbe probe;

    @BeforeEach
    void sweep() {
        due = new DueHandovers(dataSource);
        Clock clock = Clock.systemUTC();
        RespondByWatch watch = new RespondByWatch(directory::federation,
                new HubReceipts(trust, NoticeJson.strict(), clock));
        sweep = new WatchSweep(due, watch, writer, connectionFactory, clock,
                new WatchProperties(Duration.ofSeconds(1), 200, Duration.ofMinutes(5)));
        probe = new BrokerProbe(connectionFactory, broker);
    }

    @Test
    void aDueHandoverIsEscalatedToContactAndSenderAndClearedAndTheNextSweepLeavesItAlone() throws Exception {
        UUID notice = dueHandover("RECEIVED", Instant.now().minus(Duration.ofHours(2)));

        assertThat(sweep.sweep()).isPositive();

        assertThat(escalationsTo(SOCIAL, notice)).hasSize(1);
        assertThat(escalationsTo(POLICE, notice)).hasSize(1);
        assertThat(watchDue(notice)).as("cleared once the broker committed").isNull();
        sweep.sweep();
        assertThat(escalationsTo(SOCIAL, notice)).isEmpty();
    }

    @Test
    void anEscalationWrittenAgainAfterACrashBeforeItsClearIsRefusedByTheBrokerAndTakenAsDone() throws Exception {
        Instant respondBy = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        UUID notice = dueHandover("DELIVERED", respondBy);
        sweep.sweep();
        assertThat(escalationsTo(SOCIAL, notice)).hasSize(1);
        assertThat(escalationsTo(POLICE, notice)).hasSize(1);

        // As if the hub had died after the commit and before the clear, and its claim had run out since.
        jdbc.update("UPDATE handover SET watch_due = ? WHERE notice_id = ?", utc(respondBy), notice);
        sweep.sweep();

        assertThat(watchDue(notice)).isNull();
        assertThat(escalationsTo(SOCIAL, notice)).as("nothing sent twice").isEmpty();
        assertThat(escalationsTo(POLICE, notice)).isEmpty();
    }

    @Test
    void aClaimFailsWhenTheRowChangedSinceItWasRead() {
        UUID accepted = dueHandover("DELIVERED", Instant.now().minus(Duration.ofHours(4)));
        UUID claimed = dueHandover("DELIVERED", Instant.now().minus(Duration.ofHours(4)).plusMillis(1));
        List<Due> read = due.dueBy(Instant.now(), 1_000).stream()
                .filter(d -> d.handover().noticeId().equals(accepted) || d.handover().noticeId().equals(claimed))
                .toList();
        assertThat(read).hasSize(2);
        Instant leaseEnd = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);

        // The audit writer records an acceptance; another hub instance claims the other one.
        jdbc.update("UPDATE handover SET state = 'ACCEPTED', watch_due = NULL WHERE notice_id = ?", accepted);
        assertThat(due.claim(read.get(1), leaseEnd)).isTrue();

        assertThat(due.claim(read.get(0), leaseEnd)).isFalse();
        assertThat(due.claim(read.get(1), leaseEnd)).as("claimed already").isFalse();
        assertThat(watchDue(claimed)).isEqualTo(leaseEnd);
        assertThat(due.release(read.get(1), leaseEnd)).isTrue();
        assertThat(watchDue(claimed)).isEqualTo(read.get(1).watchDue());
        jdbc.update("DELETE FROM handover WHERE notice_id IN (?, ?)", accepted, claimed);
    }

    /** A handover as the audit writer leaves it: waiting for the watch since {@code respondBy}. */
    private UUID dueHandover(String state, Instant respondBy) {
        UUID notice = UUID.randomUUID();
        OffsetDateTime at = utc(respondBy);
        jdbc.update("INSERT INTO handover (notice_id, recipient, sender, notice_type, state, respond_by, updated_at,"
                + " watch_due) VALUES (?, ?, ?, 'CHILD_CONCERN_REPORT', ?, ?, ?, ?)", notice, SOCIAL.value(),
                POLICE.value(), state, at, at, at);
        return notice;
    }

    private Instant watchDue(UUID notice) {
        return new AuditProbe(jdbc).watchDue(notice, SOCIAL);
    }

    private List<Message> escalationsTo(ParticipantId party, UUID notice) throws Exception {
        return probe.drain(Endpoints.agencyInbox(party), "type = 'ESCALATION' AND inReplyTo = '" + notice + "'",
                1_000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
