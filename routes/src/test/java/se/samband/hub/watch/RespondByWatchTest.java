package se.samband.hub.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samband.hub.TestSupport;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.hub.pipeline.InMemoryHandoverStore;
import se.samband.hub.pipeline.MutableClock;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.hub.receipt.HubReceipts;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

class RespondByWatchTest {
    private static final PipelineFixture FIXTURE = PipelineFixture.shared();
    private static final ParticipantId POLICE = PipelineFixture.POLICE;
    private static final ParticipantId SOCIAL = PipelineFixture.SOC_BOLLNAS;
    /** The escalation contact this test's federation names for SOCIAL (the demo names SOCIAL itself). */
    private static final ParticipantId CONTACT = PipelineFixture.FRIVARD;
    private static final Instant RESPOND_BY = PipelineFixture.NOW.plus(Duration.ofHours(8));
    private static final WatchProperties PROPERTIES = new WatchProperties(Duration.ofSeconds(30), 3);

    private final MutableClock clock = new MutableClock(PipelineFixture.NOW);
    private final InMemoryHandoverStore handovers = new InMemoryHandoverStore();
    private final Federation federation = federationWithContact(SOCIAL, CONTACT);
    private final RespondByWatch watch = new RespondByWatch(handovers, () -> federation,
            new HubReceipts(FIXTURE.trust(), NoticeJson.strict(), clock), clock, PROPERTIES);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void deliveredNoticeNobodyAcceptedEscalatesToTheEscalationContactAndTheSender() throws Exception {
        UUID notice = UUID.randomUUID();
        handover(notice, HandoverState.DELIVERED);
        clock.advance(Duration.ofHours(8));

        DispatchPlan plan = escalated(watch.due(check(notice, 0)));

        assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(CONTACT, POLICE);
        for (DispatchPlan.Receipt receipt : plan.receipts()) {
            assertThat(receipt.type()).isEqualTo(NoticeType.ESCALATION);
            assertThat(receipt.inReplyTo()).isEqualTo(notice);
            OpenedNotice opened = Sealing.opener().open(NoticeJson.strict().readContainer(receipt.container()),
                    FIXTURE.key(receipt.to()));
            assertThat(opened.header().type()).isEqualTo(NoticeType.ESCALATION);
            assertThat(opened.header().sender()).isEqualTo(ParticipantId.HUB);
            assertThat(opened.header().recipients()).containsExactly(receipt.to());
            assertThat(opened.header().inReplyTo()).isEqualTo(notice);
            assertThat(opened.header().reasonCode()).isEqualTo("RESPOND_BY_PASSED");
            assertThat(opened.header().purpose()).isEqualTo(Purpose.SERVICE);
            assertThat(opened.header().subjects()).isEmpty();
            JsonNode payload = json.readTree(opened.payload());
            assertThat(payload.get("inReplyTo").asText()).isEqualTo(notice.toString());
            assertThat(payload.get("recipient").asText()).isEqualTo(SOCIAL.value());
            assertThat(payload.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(payload.get("noticeType").asText()).isEqualTo("CHILD_CONCERN_REPORT");
            assertThat(Instant.parse(payload.get("respondBy").asText())).isEqualTo(RESPOND_BY);
            assertThat(payload.get("escalationContact").asText()).isEqualTo(CONTACT.value());
            assertThat(payload.has("subjects")).isFalse();
        }
        assertThat(plan.auditEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.HANDOVER_ESCALATED);
            assertThat(event.noticeId()).isEqualTo(notice);
            assertThat(event.counterpart()).isEqualTo(SOCIAL.value());
            assertThat(event.reasonCode()).isEqualTo("RESPOND_BY_PASSED");
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
        });
        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.checks()).isEmpty();
    }

    @Test
    void theSameCheckTwiceMakesTheSameEscalationIdsAndAuditKey() {
        UUID notice = UUID.randomUUID();
        handover(notice, HandoverState.RECEIVED);
        clock.advance(Duration.ofHours(9));

        DispatchPlan first = escalated(watch.due(check(notice, 0)));
        clock.advance(Duration.ofMinutes(5));
        DispatchPlan second = escalated(watch.due(check(notice, 0)));

        assertThat(second.receipts()).extracting(DispatchPlan.Receipt::noticeId)
                .containsExactlyElementsOf(first.receipts().stream().map(DispatchPlan.Receipt::noticeId).toList())
                .doesNotHaveDuplicates()
                .doesNotContain(notice);
        assertThat(second.auditEvents()).extracting(AuditEvent::idempotencyKey)
                .containsExactlyElementsOf(first.auditEvents().stream().map(AuditEvent::idempotencyKey).toList());
    }

    @Test
    void acceptedDeniedOrAlreadyOverdueHandoversAreLeftAlone() {
        clock.advance(Duration.ofDays(2));
        for (HandoverState state : new HandoverState[] {
            HandoverState.ACCEPTED, HandoverState.DENIED, HandoverState.OVERDUE}) {
            UUID notice = UUID.randomUUID();
            handover(notice, state);

            assertThat(watch.due(check(notice, 0))).isEqualTo(new WatchStep.Settled(state.name()));
        }
    }

    @Test
    void declinedAndHeldHandoversStayOpenForTheSenderAndEscalate() throws Exception {
        clock.advance(Duration.ofDays(2));
        for (HandoverState state : new HandoverState[] {HandoverState.DECLINED, HandoverState.HELD}) {
            UUID notice = UUID.randomUUID();
            handover(notice, state);

            DispatchPlan plan = escalated(watch.due(check(notice, 0)));

            assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(CONTACT, POLICE);
            OpenedNotice toSender = Sealing.opener().open(
                    NoticeJson.strict().readContainer(plan.receipts().get(1).container()), FIXTURE.key(POLICE));
            assertThat(json.readTree(toSender.payload()).get("state").asText()).isEqualTo(state.name());
        }
    }

    @Test
    void aCheckThatComesEarlyByTheHubsClockIsPutBackToTheRespondByTime() {
        UUID notice = UUID.randomUUID();
        handover(notice, HandoverState.DELIVERED);
        clock.advance(Duration.ofHours(7));

        assertThat(watch.due(check(notice, 0))).isEqualTo(new WatchStep.Recheck(check(notice, 0), RESPOND_BY));

        clock.advance(Duration.ofHours(1));
        assertThat(watch.due(check(notice, 0))).isInstanceOf(WatchStep.Escalate.class);
    }

    @Test
    void aHandoverNotYetRecordedIsCheckedAgainALittleLaterThenEscalatedAfterTheLastRecheck() throws Exception {
        UUID notice = UUID.randomUUID();
        clock.advance(Duration.ofHours(8));

        for (int recheck = 0; recheck < PROPERTIES.maxRechecks(); recheck++) {
            assertThat(watch.due(check(notice, recheck))).isEqualTo(
                    new WatchStep.Recheck(check(notice, recheck + 1), clock.instant().plusSeconds(30)));
        }
        DispatchPlan plan = escalated(watch.due(check(notice, PROPERTIES.maxRechecks())));

        assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(CONTACT, POLICE);
        OpenedNotice toContact = Sealing.opener().open(
                NoticeJson.strict().readContainer(plan.receipts().get(0).container()), FIXTURE.key(CONTACT));
        assertThat(json.readTree(toContact.payload()).get("state").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void aRecipientRecordedLateStillEscalatesOnItsRecheck() {
        UUID notice = UUID.randomUUID();
        clock.advance(Duration.ofHours(8));
        WatchStep first = watch.due(check(notice, 0));
        handover(notice, HandoverState.DELIVERED);

        DispatchPlan plan = escalated(watch.due(((WatchStep.Recheck) first).check()));

        assertThat(plan.auditEvents()).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.SUCCESS);
    }

    private static DueCheck check(UUID notice, int recheck) {
        return new DueCheck(notice, SOCIAL, POLICE, RESPOND_BY, recheck);
    }

    private void handover(UUID notice, HandoverState state) {
        handovers.put(new Handover(notice, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOCIAL, state, null, RESPOND_BY,
                PipelineFixture.NOW));
    }

    private static DispatchPlan escalated(WatchStep step) {
        assertThat(step).isInstanceOf(WatchStep.Escalate.class);
        return ((WatchStep.Escalate) step).plan();
    }

    /** The demo federation with another participant as {@code participant}'s escalation contact. */
    private static Federation federationWithContact(ParticipantId participant, ParticipantId contact) {
        String yaml = new String(TestSupport.demoFederationBytes(), StandardCharsets.UTF_8);
        String from = "escalation: { participant: " + participant.value() + ",";
        assertThat(yaml).contains(from);
        String edited = yaml.replace(from, "escalation: { participant: " + contact.value() + ",");
        return new FederationLoader().load(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)),
                "demo with another escalation contact");
    }
}
