package se.samband.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.hub.pipeline.PipelineFixture.FRIVARD;
import static se.samband.hub.pipeline.PipelineFixture.POLICE;
import static se.samband.hub.pipeline.PipelineFixture.PSYCHIATRY;
import static se.samband.hub.pipeline.PipelineFixture.SOC_BOLLNAS;
import static se.samband.hub.pipeline.PipelineFixture.SOC_JONKOPING;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.hub.pipeline.InMemoryHandoverStore;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

class RoutingTest {
    private static final Federation DEMO = PipelineFixture.shared().federation();

    private final InMemoryHandoverStore handovers = new InMemoryHandoverStore();
    private final Routing routing = new Routing(() -> DEMO, handovers, noticeId -> false);

    @Test
    void routesACaseNoticeToEachPermittedRecipientInOrder() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_JONKOPING, SOC_BOLLNAS).build();

        Route route = routing.route(header, participant(POLICE));

        assertThat(route).isInstanceOfSatisfying(Route.ToRecipients.class, to -> assertThat(to.recipients())
                .extracting(Participant::id).containsExactly(SOC_JONKOPING, SOC_BOLLNAS));
    }

    @Test
    void refusesARecipientOutsideTheFederation() {
        ParticipantId nowhere = ParticipantId.of("socialtjanst.nowhere");
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS, nowhere).build();

        assertRefused(() -> routing.route(header, participant(POLICE)), ErrorCode.RECIPIENT_UNKNOWN, nowhere);
    }

    @Test
    void refusesARecipientKindTheRoutingPolicyDoesNotAllowForTheType() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS, PSYCHIATRY).build();

        assertRefused(() -> routing.route(header, participant(POLICE)), ErrorCode.ROUTE_NOT_PERMITTED, PSYCHIATRY);
    }

    @Test
    void refusesASenderKindTheRoutingPolicyDoesNotAllowForTheType() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();

        assertRefused(() -> routing.route(header, participant(PipelineFixture.PROSECUTOR)),
                ErrorCode.ROUTE_NOT_PERMITTED, SOC_BOLLNAS);
    }

    @Test
    void refusesANoticeToItsOwnSender() {
        NoticeHeader header = PipelineFixture.caseNotice(SOC_BOLLNAS, NoticeType.CASE_CONFERENCE_INVITE,
                se.samband.notice.LegalBasisClaim.consent("c-1"), se.samband.notice.Purpose.CASE_COORDINATION,
                java.util.Set.of(), SOC_BOLLNAS, POLICE).build();

        assertRefused(() -> routing.route(header, participant(SOC_BOLLNAS)), ErrorCode.ROUTE_NOT_PERMITTED,
                SOC_BOLLNAS);
    }

    @Test
    void refusesARecipientNamedTwice() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS, SOC_BOLLNAS).build();

        assertRefused(() -> routing.route(header, participant(POLICE)), ErrorCode.SCHEMA_VIOLATION, SOC_BOLLNAS);
    }

    @ParameterizedTest
    @EnumSource(value = NoticeType.class, names = {"SUBMISSION_RECEIPT", "REJECTED", "ESCALATION",
        "CONSENT_WITHDRAWN"})
    void refusesTypesOnlyTheHubSends(NoticeType type) {
        NoticeHeader header = PipelineFixture.receipt(SOC_BOLLNAS, type, UUID.randomUUID(), POLICE).build();

        assertThatThrownBy(() -> routing.route(header, participant(SOC_BOLLNAS))).isInstanceOf(SambandException.class)
                .extracting(e -> ((SambandException) e).code()).isEqualTo(ErrorCode.ROUTE_NOT_PERMITTED);
    }

    @ParameterizedTest
    @EnumSource(value = NoticeType.class, names = {"RECEIVED", "ACCEPTED", "DECLINED"})
    void routesAReceiptBackToTheSenderOfTheNoticeItAnswers(NoticeType type) {
        UUID original = UUID.randomUUID();
        handovers.delivered(original, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOC_BOLLNAS);
        NoticeHeader receipt = PipelineFixture.receipt(SOC_BOLLNAS, type, original, POLICE).build();

        Route route = routing.route(receipt, participant(SOC_BOLLNAS));

        assertThat(route).isInstanceOfSatisfying(Route.ReceiptBack.class, back -> {
            assertThat(back.originalSender().id()).isEqualTo(POLICE);
            assertThat(back.answered().noticeId()).isEqualTo(original);
        });
    }

    @Test
    void retriesAReceiptForANoticeDispatchedMomentsAgoWhoseHandoverIsNotRecordedYet() {
        UUID lately = UUID.randomUUID();
        Routing withRecentIds = new Routing(() -> DEMO, handovers, lately::equals);
        NoticeHeader early = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, lately, POLICE).build();
        NoticeHeader unknown = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, UUID.randomUUID(), POLICE)
                .build();

        assertThatThrownBy(() -> withRecentIds.route(early, participant(SOC_BOLLNAS)))
                .as("transient: the intake rolls back, the broker redelivers")
                .isInstanceOf(HandoverNotYetRecorded.class).isNotInstanceOf(SambandException.class)
                .hasMessageContaining(lately.toString());
        assertThatRefused(() -> withRecentIds.route(unknown, participant(SOC_BOLLNAS)));

        handovers.delivered(lately, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOC_BOLLNAS);
        assertThat(withRecentIds.route(early, participant(SOC_BOLLNAS))).as("once recorded")
                .isInstanceOf(Route.ReceiptBack.class);
        NoticeHeader fromBystander = PipelineFixture.receipt(SOC_JONKOPING, NoticeType.DECLINED, lately, POLICE)
                .reasonCode("NOT_OUR_CASE").build();
        assertThatRefused(() -> withRecentIds.route(fromBystander, participant(SOC_JONKOPING)));
    }

    @Test
    void refusesAReceiptForANoticeTheSenderWasNeverGiven() {
        UUID original = UUID.randomUUID();
        handovers.delivered(original, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOC_BOLLNAS);

        NoticeHeader fromBystander = PipelineFixture.receipt(SOC_JONKOPING, NoticeType.ACCEPTED, original, POLICE)
                .build();
        NoticeHeader unknownNotice = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, UUID.randomUUID(),
                POLICE).build();

        assertThatRefused(() -> routing.route(fromBystander, participant(SOC_JONKOPING)));
        assertThatRefused(() -> routing.route(unknownNotice, participant(SOC_BOLLNAS)));
    }

    @ParameterizedTest
    @EnumSource(value = HandoverState.class, names = {"HELD", "DENIED"})
    void refusesAReceiptForANoticeThatWasHeldOrDeniedToTheSender(HandoverState state) {
        UUID original = UUID.randomUUID();
        handovers.put(new Handover(original, NoticeType.RELEASE_CONTACT_CONSENT, FRIVARD, SOC_BOLLNAS, state, null,
                null, Instant.EPOCH));
        NoticeHeader receipt = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.RECEIVED, original, FRIVARD).build();

        assertThatRefused(() -> routing.route(receipt, participant(SOC_BOLLNAS)));
    }

    @Test
    void refusesAReceiptAddressedToAnyoneButTheOriginalSender() {
        UUID original = UUID.randomUUID();
        handovers.delivered(original, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOC_BOLLNAS);
        NoticeHeader elsewhere = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, original, FRIVARD).build();
        NoticeHeader twoRecipients = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, original, POLICE)
                .recipients(List.of(POLICE, FRIVARD)).build();

        assertRefused(() -> routing.route(elsewhere, participant(SOC_BOLLNAS)), ErrorCode.RECEIPT_NOT_ROUTABLE,
                FRIVARD);
        assertThatRefused(() -> routing.route(twoRecipients, participant(SOC_BOLLNAS)));
    }

    @Test
    void refusesAReceiptToAnOriginalSenderNoLongerInTheFederation() {
        UUID original = UUID.randomUUID();
        handovers.delivered(original, NoticeType.CHILD_CONCERN_REPORT, POLICE, SOC_BOLLNAS);
        Routing withoutPolice = new Routing(() -> PipelineFixture.federationWithout(POLICE), handovers,
                noticeId -> false);
        NoticeHeader receipt = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, original, POLICE).build();

        assertRefused(() -> withoutPolice.route(receipt, participant(SOC_BOLLNAS)), ErrorCode.RECIPIENT_UNKNOWN,
                POLICE);
    }

    private static Participant participant(ParticipantId id) {
        return DEMO.participant(id).orElseThrow();
    }

    private static void assertThatRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(SambandException.class)
                .extracting(e -> ((SambandException) e).code()).isEqualTo(ErrorCode.RECEIPT_NOT_ROUTABLE);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, ParticipantId recipient) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RecipientRefused.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.recipient()).isEqualTo(recipient);
        });
    }
}
