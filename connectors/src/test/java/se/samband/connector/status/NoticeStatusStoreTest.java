package se.samband.connector.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

class NoticeStatusStoreTest {
    private static final ParticipantId BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId PSYKIATRI = ParticipantId.of("region.gavleborg-psykiatri");
    private NoticeStatusStore store;
    private final UUID notice = UUID.randomUUID();

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:status-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/connector").load().migrate();
        store = new NoticeStatusStore(new JdbcTemplate(dataSource), Clock.systemUTC());
        store.queued(notice, NoticeType.CASE_CONFERENCE_INVITE, List.of(BOLLNAS, PSYKIATRI));
    }

    private Outcome outcome(ParticipantId participant) {
        return store.find(notice).orElseThrow().recipients().stream()
                .filter(r -> r.participant().equals(participant.value())).findFirst().orElseThrow().outcome();
    }

    @Test
    void theNoticeIsAcceptedOnlyWhenEveryRecipientAcceptedIt() {
        store.submitted(notice);
        UUID receipt = UUID.randomUUID();
        store.outcome(notice, BOLLNAS, Outcome.DELIVERED, null, receipt);
        store.outcome(notice, PSYKIATRI, Outcome.HELD, "AWAITING_CONSENT", receipt);
        assertThat(store.find(notice).orElseThrow().status()).isEqualTo(Outcome.HELD);

        store.outcome(notice, BOLLNAS, Outcome.ACCEPTED, null, UUID.randomUUID());
        store.outcome(notice, PSYKIATRI, Outcome.RECEIVED, null, UUID.randomUUID());
        assertThat(store.find(notice).orElseThrow().status()).isEqualTo(Outcome.RECEIVED);
        assertThat(store.find(notice).orElseThrow().history()).extracting(NoticeStatus.Event::event)
                .containsSubsequence("HELD", "HOLD_RELEASED", "RECEIVED");

        store.outcome(notice, PSYKIATRI, Outcome.ACCEPTED, null, UUID.randomUUID());
        assertThat(store.find(notice).orElseThrow().status()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aLateOrRepeatedReceiptNeverMovesARecipientBack() {
        UUID accepted = UUID.randomUUID();
        store.outcome(notice, BOLLNAS, Outcome.ACCEPTED, null, accepted);
        store.outcome(notice, BOLLNAS, Outcome.RECEIVED, null, UUID.randomUUID());
        store.submitted(notice);
        store.outcome(notice, BOLLNAS, Outcome.ACCEPTED, null, accepted);

        assertThat(outcome(BOLLNAS)).isEqualTo(Outcome.ACCEPTED);
        assertThat(store.find(notice).orElseThrow().history()).extracting(NoticeStatus.Event::event)
                .filteredOn("ACCEPTED"::equals).hasSize(1);
    }

    @Test
    void anEscalationShowsFirstAndARefusalOverridesEverything() {
        store.outcome(notice, BOLLNAS, Outcome.DELIVERED, null, UUID.randomUUID());
        store.outcome(notice, PSYKIATRI, Outcome.DELIVERED, null, UUID.randomUUID());
        store.outcome(notice, BOLLNAS, Outcome.ESCALATED, "RESPOND_BY_PASSED", UUID.randomUUID());
        assertThat(store.find(notice).orElseThrow().status()).isEqualTo(Outcome.ESCALATED);
        store.outcome(notice, BOLLNAS, Outcome.ACCEPTED, null, UUID.randomUUID());
        assertThat(outcome(BOLLNAS)).isEqualTo(Outcome.ACCEPTED);

        UUID other = UUID.randomUUID();
        store.queued(other, NoticeType.RELEASE_EFFECTED, List.of(BOLLNAS));
        store.rejected(other, "clock_skew", UUID.randomUUID());
        store.outcome(other, BOLLNAS, Outcome.DELIVERED, null, UUID.randomUUID());
        assertThat(store.find(other).orElseThrow().status()).isEqualTo(Outcome.REJECTED);
        assertThat(store.find(other).orElseThrow().reason()).isEqualTo("clock_skew");
    }
}
