package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.pipeline.PipelineFixture.NOW;
import static se.samband.hub.pipeline.PipelineFixture.POLICE;
import static se.samband.hub.pipeline.PipelineFixture.SOC_BOLLNAS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.samband.hub.pipeline.InMemoryHandoverStore;
import se.samband.hub.pipeline.MutableClock;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeLimits;
import se.samband.notice.NoticeType;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class AdmissionTest {
    private final PipelineFixture fixture = PipelineFixture.shared();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryHandoverStore handovers = new InMemoryHandoverStore();
    private final Admission admission = admission(NoticeLimits.defaults());

    private Admission admission(NoticeLimits limits) {
        return new Admission(NoticeJson.strict(limits), new RecentNoticeIds(1_000, Duration.ofMinutes(10), clock),
                handovers, clock);
    }

    @Test
    void admitsAFreshWellFormedNotice() {
        NoticeHeader sent = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        byte[] container = fixture.seal(sent);

        SealedNotice sealed = admission.readContainer(container);
        NoticeHeader header = admission.readHeader(sealed);
        admission.checkTimes(header);
        admission.checkReplay(header);

        assertThat(header.noticeId()).isEqualTo(sent.noticeId());
        assertThat(header.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT);
    }

    @Test
    void refusesAContainerOverTheConfiguredLimitBeforeReadingIt() {
        byte[] container = fixture.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        Admission small = admission(NoticeLimits.defaults().withMaxContainerBytes(container.length - 1));

        assertRefused(() -> small.readContainer(container), ErrorCode.NOTICE_TOO_LARGE);
        assertThat(admission(NoticeLimits.defaults().withMaxContainerBytes(container.length))
                .readContainer(container)).isNotNull();
    }

    @Test
    void refusesAContainerThatIsNotStrictJson() {
        assertRefused(() -> admission.readContainer("{\"header\":".getBytes(StandardCharsets.US_ASCII)),
                ErrorCode.MALFORMED_JSON);
        assertRefused(() -> admission.readContainer(
                "{\"header\":\"e30\",\"signature\":\"AA==\",\"body\":\"AA==\",\"extra\":1}"
                        .getBytes(StandardCharsets.US_ASCII)), ErrorCode.UNKNOWN_FIELD);
    }

    @Test
    void refusesAHeaderThatBreaksTheSchema() {
        SealedNotice sealed = fixture.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        String json = new String(sealed.header(), StandardCharsets.UTF_8);
        byte[] extraField = json.replaceFirst("\\{", "{\"unexpected\":true,").getBytes(StandardCharsets.UTF_8);
        SealedNotice edited = new SealedNotice(extraField, sealed.signature(), sealed.body());

        assertRefused(() -> admission.readHeader(admission.readContainer(PipelineFixture.container(edited))),
                ErrorCode.UNKNOWN_FIELD);
    }

    @Test
    void refusesANoticeCreatedMoreThanFiveMinutesAwayFromTheHubsClock() {
        NoticeHeader late = PipelineFixture.childConcern(SOC_BOLLNAS).created(NOW.minusSeconds(301)).build();
        NoticeHeader early = PipelineFixture.childConcern(SOC_BOLLNAS).created(NOW.plusSeconds(301)).build();
        NoticeHeader withinSkew = PipelineFixture.childConcern(SOC_BOLLNAS).created(NOW.plusSeconds(299)).build();

        assertRefused(() -> admission.checkTimes(late), ErrorCode.CLOCK_SKEW);
        assertRefused(() -> admission.checkTimes(early), ErrorCode.CLOCK_SKEW);
        admission.checkTimes(withinSkew);
        admission.checkTimes(PipelineFixture.childConcern(SOC_BOLLNAS).created(NOW.minusSeconds(300)).build());
    }

    @Test
    void refusesANoticeThatHasExpired() {
        NoticeHeader expiredNow = PipelineFixture.childConcern(SOC_BOLLNAS)
                .created(NOW.minusSeconds(60)).expires(NOW).build();
        NoticeHeader expiredBefore = PipelineFixture.childConcern(SOC_BOLLNAS)
                .created(NOW.minusSeconds(60)).expires(NOW.minusSeconds(1)).build();

        assertRefused(() -> admission.checkTimes(expiredNow), ErrorCode.NOTICE_EXPIRED);
        assertRefused(() -> admission.checkTimes(expiredBefore), ErrorCode.NOTICE_EXPIRED);
        admission.checkTimes(PipelineFixture.childConcern(SOC_BOLLNAS).expires(NOW.plusMillis(1)).build());
        admission.checkTimes(PipelineFixture.childConcern(SOC_BOLLNAS).expires(null).build());
    }

    @Test
    void refusesANoticeIdSeenAfterItsTransactionCommitted() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();

        admission.checkReplay(header);
        admission.checkReplay(header);    // a redelivery after a rollback: not yet committed, so no replay
        admission.markSeen(header.noticeId());

        assertRefused(() -> admission.checkReplay(header), ErrorCode.REPLAYED_NOTICE);
    }

    @Test
    void refusesASecondCopyOfANoticeDispatchedInTheOpenInboxTransactionUntilItRollsBack() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        InboxTransaction open = InboxTransaction.current();
        try {
            open.dispatched(header.noticeId());

            assertRefused(() -> admission.checkReplay(header), ErrorCode.REPLAYED_NOTICE);
            open.rolledBack();
            admission.checkReplay(header);    // both copies are redelivered: the first to arrive is no replay
        } finally {
            open.rolledBack();
        }
    }

    @Test
    void aCopyClaimedMeanwhileWaitsAndIsRefusedAsAReplayOnceTheFirstCommits() throws Exception {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        Admission patient = patient(Duration.ofSeconds(30));
        NoticeClaims.Claim first = patient.claim(header);
        CompletableFuture<Void> copy = claimWhenWaiting(patient, header);

        patient.markSeen(header.noticeId());
        patient.release(first);

        assertThatThrownBy(() -> copy.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                SambandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REPLAYED_NOTICE));
        assertThat(patient.claimed(header.noticeId())).isFalse();
    }

    @Test
    void aCopyClaimedMeanwhileIsProcessedIfTheFirstRollsBack() throws Exception {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        Admission patient = patient(Duration.ofSeconds(30));
        NoticeClaims.Claim first = patient.claim(header);
        CompletableFuture<Void> copy = claimWhenWaiting(patient, header);

        patient.release(first);

        copy.get(10, TimeUnit.SECONDS);
        assertThat(patient.claimed(header.noticeId())).as("now the copy's").isTrue();
    }

    @Test
    void aCopyWhoseFirstDoesNotEndInTimeIsLeftToTheBrokersRedelivery() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        Admission impatient = patient(Duration.ofMillis(100));
        impatient.claim(header);

        assertThatThrownBy(() -> impatient.claim(header)).isInstanceOf(NoticeClaimedElsewhere.class)
                .hasMessageContaining(header.noticeId().toString());
        assertThat(impatient.claimed(header.noticeId())).as("still the first transaction's").isTrue();
    }

    @Test
    void aCopyWhoseInboxTransactionDispatchedAnotherNoticeDoesNotWait() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        Admission patient = patient(Duration.ofMinutes(10));
        patient.claim(header);
        InboxTransaction open = new InboxTransaction();
        open.received();
        open.dispatched(UUID.randomUUID());
        open.received();
        InboxTransaction.bind(open);
        try {
            // It holds the claims of the notices before it: were it to wait, another could be waiting for it.
            assertThatThrownBy(() -> patient.claim(header)).isInstanceOf(NoticeClaimedElsewhere.class);
        } finally {
            InboxTransaction.bind(new InboxTransaction());
        }
    }

    private Admission patient(Duration patience) {
        return new Admission(NoticeJson.strict(NoticeLimits.defaults()),
                new RecentNoticeIds(1_000, Duration.ofMinutes(10), clock), handovers, clock, patience);
    }

    /** Claims {@code header}'s notice id on another thread, and returns once that thread waits for the claim. */
    private static CompletableFuture<Void> claimWhenWaiting(Admission admission, NoticeHeader header) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread copy = new Thread(() -> {
            try {
                admission.claim(header);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "second-copy");
        copy.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> copy.getState() == Thread.State.TIMED_WAITING);
        return done;
    }

    @Test
    void refusesANoticeIdTheHandoverStoreKnows() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        handovers.delivered(header.noticeId(), header.type(), POLICE, SOC_BOLLNAS);

        assertRefused(() -> admission.checkReplay(header), ErrorCode.REPLAYED_NOTICE);
    }

    @Test
    void forgetsRecentIdsAfterTheWindowAndLeavesThemToTheHandoverStore() {
        UUID id = UUID.randomUUID();
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).noticeId(id).build();
        admission.markSeen(id);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        admission.checkReplay(header);
        handovers.delivered(id, header.type(), POLICE, SOC_BOLLNAS);
        assertRefused(() -> admission.checkReplay(header), ErrorCode.REPLAYED_NOTICE);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(SambandException.class)
                .extracting(e -> ((SambandException) e).code()).isEqualTo(code);
    }
}
