package se.samband.hub.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

/** The held store's SQL, run against each database the hub supports (H2 and PostgreSQL). */
abstract class HeldStoreContract {
    private static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId POLICE = ParticipantId.of("polisen.gavleborg");

    abstract DataSource dataSource();

    private JdbcHeldStore store() {
        return new JdbcHeldStore(new NamedParameterJdbcTemplate(dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())));
    }

    private static HeldNotice held(ParticipantId recipient, String consentId, String subject, Instant heldAt) {
        return new HeldNotice(UUID.randomUUID(), recipient, PipelineFixture.FRIVARD,
                NoticeType.RELEASE_CONTACT_CONSENT, "AWAITING_CONSENT", consentId, heldAt,
                heldAt.plus(Duration.ofDays(14)), List.of(subject, PipelineFixture.pseudonym("other " + subject)),
                ("sealed " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsAHeldNoticeOnceAndFindsItBySubjectOrConsent() {
        JdbcHeldStore store = store();
        String subject = PipelineFixture.pseudonym("subject " + UUID.randomUUID());
        String consentId = "kvv-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HeldNotice notice = held(SOCIAL, consentId, subject, now);

        assertThat(store.hold(notice)).isTrue();
        assertThat(store.hold(notice)).as("a redelivered held message").isFalse();

        List<HeldNotice> bySubject = store.heldFor(List.of(subject), null, 10);
        assertThat(bySubject).hasSize(1);
        HeldNotice read = bySubject.get(0);
        assertThat(read.noticeId()).isEqualTo(notice.noticeId());
        assertThat(read.recipient()).isEqualTo(SOCIAL);
        assertThat(read.sender()).isEqualTo(PipelineFixture.FRIVARD);
        assertThat(read.consentId()).isEqualTo(consentId);
        assertThat(read.heldAt()).isEqualTo(now);
        assertThat(read.holdUntil()).isEqualTo(now.plus(Duration.ofDays(14)));
        assertThat(read.subjects()).containsExactlyInAnyOrderElementsOf(notice.subjects());
        assertThat(read.container()).isEqualTo(notice.container());
        assertThat(store.heldFor(List.of(), consentId, 10)).extracting(HeldNotice::noticeId)
                .containsExactly(notice.noticeId());
        assertThat(store.heldFor(List.of(PipelineFixture.pseudonym("nobody " + UUID.randomUUID())), "kvv-none", 10))
                .isEmpty();
    }

    @Test
    void aNoticeLeavesHeldOnceAndOnlyDueHoldsAreFound() {
        JdbcHeldStore store = store();
        String subject = PipelineFixture.pseudonym("subject " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HeldNotice due = held(SOCIAL, null, subject, now.minus(Duration.ofDays(15)));
        HeldNotice fresh = held(POLICE, null, subject, now);
        store.hold(due);
        store.hold(fresh);

        assertThat(store.dueBy(now, 1_000)).extracting(HeldNotice::noticeId).contains(due.noticeId())
                .doesNotContain(fresh.noticeId());
        assertThat(store.leave(due.noticeId(), SOCIAL, HeldNotice.State.EXPIRED, now)).isTrue();
        assertThat(store.leave(due.noticeId(), SOCIAL, HeldNotice.State.RELEASED, now)).as("already left")
                .isFalse();
        assertThat(store.state(due.noticeId(), SOCIAL)).contains(HeldNotice.State.EXPIRED);
        assertThat(store.heldFor(List.of(subject), null, 10)).extracting(HeldNotice::noticeId)
                .containsExactly(fresh.noticeId());
        assertThat(store.stillHeld(100_000)).extracting(HeldNotice::noticeId).contains(fresh.noticeId())
                .doesNotContain(due.noticeId());
    }

    @Test
    void noticeHeldForManualRoutingIsQueuedOnceAndResolvedOnce() {
        JdbcHeldStore store = store();
        String subject = PipelineFixture.pseudonym("protected " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID noticeId = UUID.randomUUID();
        HeldNotice toSocial = manual(noticeId, SOCIAL, subject, now);
        HeldNotice toPolice = manual(noticeId, POLICE, subject, now);
        assertThat(store.hold(toSocial)).isTrue();
        assertThat(store.hold(toPolice)).isTrue();

        QueuedRouting queued = store.manualQueue(100_000).stream().filter(q -> q.noticeId().equals(noticeId))
                .findFirst().orElseThrow();
        assertThat(queued.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT);
        assertThat(queued.sender()).isEqualTo(PipelineFixture.FRIVARD);
        assertThat(queued.recipients()).containsExactlyInAnyOrder(SOCIAL, POLICE);
        assertThat(queued.queuedAt()).isEqualTo(now);
        assertThat(store.heldForRouting(noticeId)).hasSize(2).noneMatch(HeldNotice::routingConfirmed);

        assertThat(store.resolveManual(noticeId, "ROUTED", now, "operator:anna", "checked")).isTrue();
        assertThat(store.resolveManual(noticeId, "RETURNED", now, "operator:bo", null)).as("resolved once")
                .isFalse();
        assertThat(store.manualQueue(100_000)).extracting(QueuedRouting::noticeId).doesNotContain(noticeId);
        assertThat(store.heldFor(List.of(subject), null, 10)).hasSize(2).allMatch(HeldNotice::routingConfirmed);

        assertThat(store.reason(noticeId, SOCIAL, "RISK_FLAG_ACTIVE")).isTrue();
        assertThat(store.heldForRouting(noticeId)).extracting(HeldNotice::recipient).containsExactly(POLICE);
        assertThat(store.leave(noticeId, POLICE, HeldNotice.State.RETURNED, now)).isTrue();
        assertThat(store.state(noticeId, POLICE)).contains(HeldNotice.State.RETURNED);
        assertThat(store.reason(noticeId, POLICE, "AWAITING_CONSENT")).as("no longer held").isFalse();
    }

    private static HeldNotice manual(UUID noticeId, ParticipantId recipient, String subject, Instant heldAt) {
        return new HeldNotice(noticeId, recipient, PipelineFixture.FRIVARD, NoticeType.CHILD_CONCERN_REPORT,
                JdbcHeldStore.MANUAL_ROUTING, null, heldAt, heldAt.plus(Duration.ofDays(14)), List.of(subject),
                ("sealed " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }
}
