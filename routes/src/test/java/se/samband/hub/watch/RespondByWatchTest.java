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
    private static final Instant AFTER = RESPOND_BY.plus(Duration.ofMinutes(1));

    private final MutableClock clock = new MutableClock(PipelineFixture.NOW);
    private final Federation federation = federationWithContact(SOCIAL, CONTACT);
    private final RespondByWatch watch = new RespondByWatch(() -> federation,
            new HubReceipts(FIXTURE.trust(), NoticeJson.strict(), clock));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void deliveredNoticeNobodyAcceptedEscalatesToTheEscalationContactAndTheSender() throws Exception {
        UUID notice = UUID.randomUUID();
        clock.advance(Duration.between(PipelineFixture.NOW, AFTER));

        DispatchPlan plan = watch.escalation(handover(notice, HandoverState.DELIVERED), AFTER);

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
            assertThat(event.occurredAt()).isEqualTo(AFTER);
        });
        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.checks()).isEmpty();
    }

    @Test
    void theSameHandoverEscalatedTwiceMakesTheSameEscalationIdsAndAuditKey() {
        UUID notice = UUID.randomUUID();
        clock.advance(Duration.between(PipelineFixture.NOW, AFTER));

        DispatchPlan first = watch.escalation(handover(notice, HandoverState.RECEIVED), AFTER);
        clock.advance(Duration.ofMinutes(5));
        DispatchPlan second = watch.escalation(handover(notice, HandoverState.RECEIVED), clock.instant());

        assertThat(second.receipts()).extracting(DispatchPlan.Receipt::noticeId)
                .containsExactlyElementsOf(first.receipts().stream().map(DispatchPlan.Receipt::noticeId).toList())
                .doesNotHaveDuplicates()
                .doesNotContain(notice);
        assertThat(second.auditEvents()).extracting(AuditEvent::idempotencyKey)
                .containsExactlyElementsOf(first.auditEvents().stream().map(AuditEvent::idempotencyKey).toList());
    }

    @Test
    void aDeclinedHandoverEscalatesWithItsStateForTheSender() throws Exception {
        clock.advance(Duration.between(PipelineFixture.NOW, AFTER));
        for (HandoverState state : new HandoverState[] {HandoverState.DECLINED, HandoverState.RECEIVED}) {
            UUID notice = UUID.randomUUID();

            DispatchPlan plan = watch.escalation(handover(notice, state), AFTER);

            assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(CONTACT, POLICE);
            OpenedNotice toSender = Sealing.opener().open(
                    NoticeJson.strict().readContainer(plan.receipts().get(1).container()), FIXTURE.key(POLICE));
            assertThat(json.readTree(toSender.payload()).get("state").asText()).isEqualTo(state.name());
        }
    }

    @Test
    void aParticipantWithoutACertificateMakesTheEscalationFailedButTheOthersAreStillTold() {
        ParticipantId gone = ParticipantId.of("socialtjanst.nowhere");
        Handover handover = new Handover(UUID.randomUUID(), NoticeType.CHILD_CONCERN_REPORT, POLICE, gone,
                HandoverState.DELIVERED, null, RESPOND_BY, PipelineFixture.NOW);

        DispatchPlan plan = watch.escalation(handover, AFTER);

        assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(POLICE);
        assertThat(plan.auditEvents()).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.FAILED);
    }

    @Test
    void aHandoverWhoseSenderIsNotKnownTellsTheContactAndRecordsFailed() {
        Handover handover = new Handover(UUID.randomUUID(), NoticeType.CHILD_CONCERN_REPORT, null, SOCIAL,
                HandoverState.DELIVERED, null, RESPOND_BY, PipelineFixture.NOW);

        DispatchPlan plan = watch.escalation(handover, AFTER);

        assertThat(plan.receipts()).extracting(DispatchPlan.Receipt::to).containsExactly(CONTACT);
        assertThat(plan.auditEvents()).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.FAILED);
    }

    private static Handover handover(UUID notice, HandoverState state) {
        return new Handover(notice, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOCIAL, state, null, RESPOND_BY,
                PipelineFixture.NOW);
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
