package se.samband.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HeldStorePausedTest;
import se.samband.hub.TestPlans;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.intake.NoticePipeline;
import se.samband.hub.intake.PipelineResult;
import se.samband.hub.intake.PipelineResult.RecipientOutcome;
import se.samband.hub.intake.PipelineResult.RecipientOutcome.Outcome;
import se.samband.hub.intake.Submission;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RetryLater;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;

/**
 * The notice API on the hub's real broker with a scripted pipeline and handover store, the caller set as the
 * transport's certificate filter sets it. Over HTTPS with client certificates and the real pipeline: DeliveryFlowIT.
 */
class NoticeControllerTest extends HeldStorePausedTest {
    private static final int LIMIT = 4096;

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;

    private final ParticipantId sender = TestPlans.freshParticipant("polisen");
    private final ParticipantId recipient = TestPlans.freshParticipant("socialtjanst");
    private final ParticipantId heldFor = TestPlans.freshParticipant("region");
    private final AtomicReference<PipelineResult> next = new AtomicReference<>();
    private final AtomicReference<Submission> seen = new AtomicReference<>();
    private final Map<UUID, List<HandoverStore.Handover>> handovers = new ConcurrentHashMap<>();
    private final List<PipelineResult> committed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<PipelineResult> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean crashAfterHalf;
    /** Whether closing the API's connection fails (after closing it), as a broker gone at that moment would. */
    private volatile boolean closeFails;
    private BrokerProbe probe;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        probe = new BrokerProbe(connectionFactory, broker);
        NoticePipeline pipeline = new NoticePipeline() {
            @Override
            public PipelineResult process(Submission submission) {
                seen.set(submission);
                if (next.get() == null) {
                    throw new RetryLater("another copy of the notice is being processed (test)") {
                    };
                }
                return next.get();
            }

            @Override
            public void committed(PipelineResult result) {
                committed.add(result);
            }

            @Override
            public void abandoned(PipelineResult result) {
                abandoned.add(result);
            }
        };
        DispatchWriter writer = new DispatchWriter() {
            @Override
            public void write(DispatchPlan plan, Session session) throws JMSException {
                if (crashAfterHalf) {
                    super.write(new DispatchPlan(plan.noticeId(), plan.deliveries(), List.of(), plan.receipts(),
                            List.of(), List.of(), null), session);
                    throw new JMSException("broker went away after half the plan (test)");
                }
                super.write(plan, session);
            }
        };
        NoticeController controller = new NoticeController(pipeline, writer, closingBadly(connectionFactory),
                new StubHandovers(),
                new ApiConfiguration().apiCaller(), Clock.systemUTC(), LIMIT);
        mvc = MockMvcBuilders.standaloneSetup(controller).build();
    }

    @Test
    void acceptedSubmissionIsCommittedBeforeTheAnswer202ListsEachRecipientsOutcome() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor,
                Instant.now().plus(1, ChronoUnit.HOURS));
        next.set(new PipelineResult(plan, List.of(new RecipientOutcome(recipient, Outcome.DELIVERED, null),
                new RecipientOutcome(heldFor, Outcome.HELD, "AWAITING_CONSENT")), null));
        byte[] container = TestPlans.container(noticeId);

        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE).content(container)
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.noticeId").value(noticeId.toString()))
                .andExpect(jsonPath("$.recipients[0].recipient").value(recipient.value()))
                .andExpect(jsonPath("$.recipients[0].outcome").value("DELIVERED"))
                .andExpect(jsonPath("$.recipients[1].outcome").value("HELD"))
                .andExpect(jsonPath("$.recipients[1].reasonCode").value("AWAITING_CONSENT"));

        // Committed when the answer was given: no waiting needed for the copy to be there.
        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 100)).hasSize(1);
        assertThat(probe.drainNotice(Endpoints.HUB_HELD, noticeId, 100)).hasSize(1);
        assertThat(seen.get().authenticatedSender()).isEqualTo(sender);
        assertThat(seen.get().transport()).isEqualTo(Submission.Transport.REST);
        assertThat(seen.get().container()).isEqualTo(container);
        assertThat(committed).containsExactly(next.get());
    }

    @Test
    void refusalIsWrittenToRejectedAndAnsweredWithItsStatusCodeAndSentence() throws Exception {
        UUID noticeId = UUID.randomUUID();
        next.set(new PipelineResult(TestPlans.rejectedPlan(noticeId, sender, ErrorCode.SENDER_MISMATCH), List.of(),
                new PipelineResult.Refusal(ErrorCode.SENDER_MISMATCH, noticeId)));

        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE)
                        .content(TestPlans.container(noticeId))
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().is(ErrorCode.SENDER_MISMATCH.httpStatus()))
                .andExpect(jsonPath("$.code").value("sender_mismatch"))
                .andExpect(jsonPath("$.message").value(ErrorCode.SENDER_MISMATCH.message()))
                .andExpect(jsonPath("$.noticeId").value(noticeId.toString()));

        assertThat(probe.drainNotice(Endpoints.HUB_REJECTED, noticeId, 100))
                .extracting(message -> message.getStringProperty("code")).containsExactly("sender_mismatch");
    }

    @Test
    void bodyOverTheContainerLimitIsRefused413WithoutRunningThePipeline() throws Exception {
        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE).content(new byte[LIMIT + 1])
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("notice_too_large"))
                .andExpect(jsonPath("$.message").value(ErrorCode.NOTICE_TOO_LARGE.message()));

        assertThat(seen.get()).isNull();
    }

    @Test
    void requestWithoutAnAuthenticatedParticipantIsRefused() throws Exception {
        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE).content(new byte[10]))
                .andExpect(status().is(ErrorCode.SENDER_UNKNOWN.httpStatus()))
                .andExpect(jsonPath("$.code").value("sender_unknown"));

        assertThat(seen.get()).isNull();
    }

    @Test
    void otherMediaTypesAreRefused415() throws Exception {
        mvc.perform(post("/api/v1/notices").contentType("application/json").content("{}")
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void failureWhileWritingCommitsNothingAndAnswers503() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        next.set(new PipelineResult(plan, List.of(new RecipientOutcome(recipient, Outcome.DELIVERED, null)), null));
        crashAfterHalf = true;

        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE)
                        .content(TestPlans.container(noticeId))
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isServiceUnavailable());

        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 300)).isEmpty();
        assertThat(probe.drainNotice(Endpoints.agencyInbox(sender), plan.receipts().get(0).noticeId(), 100))
                .isEmpty();
        assertThat(committed).as("the pipeline is not told of an uncommitted plan").isEmpty();
        assertThat(abandoned).as("but told that it was abandoned").extracting(PipelineResult::plan)
                .containsExactly(plan);
    }

    @Test
    void aSubmissionThePipelineCannotTakeNowIsAnswered503WithRetryAfter() throws Exception {
        next.set(null);

        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE)
                        .content(TestPlans.container(UUID.randomUUID()))
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));

        assertThat(committed).isEmpty();
        assertThat(abandoned).isEmpty();
    }

    @Test
    void aFailureOnlyToCloseTheConnectionAfterTheCommitStillAnswers202() throws Exception {
        UUID noticeId = UUID.randomUUID();
        DispatchPlan plan = TestPlans.fullPlan(noticeId, sender, recipient, heldFor, Instant.now());
        next.set(new PipelineResult(plan, List.of(new RecipientOutcome(recipient, Outcome.DELIVERED, null)), null));
        closeFails = true;

        mvc.perform(post("/api/v1/notices").contentType(SealedNotice.MEDIA_TYPE)
                        .content(TestPlans.container(noticeId))
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isAccepted());

        assertThat(probe.drainNotice(Endpoints.agencyInbox(recipient), noticeId, 100)).hasSize(1);
        assertThat(committed).extracting(PipelineResult::plan).containsExactly(plan);
        assertThat(abandoned).isEmpty();
    }

    /** The factory, whose connections fail on close (after closing) while {@link #closeFails} is set. */
    private ConnectionFactory closingBadly(ConnectionFactory factory) {
        return (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                    Object made = invoke(method, factory, args);
                    if (!(made instanceof Connection connection)) {
                        return made;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                Object result = invoke(m, connection, a);
                                if (m.getName().equals("close") && closeFails) {
                                    throw new JMSException("broker went away while closing (test)");
                                }
                                return result;
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void senderReadsTheHandoverStatePerRecipient() throws Exception {
        UUID noticeId = UUID.randomUUID();
        Instant respondBy = Instant.parse("2026-11-23T10:00:00Z");
        handovers.put(noticeId, List.of(
                new HandoverStore.Handover(noticeId, NoticeType.CHILD_CONCERN_REPORT, sender, recipient,
                        HandoverStore.HandoverState.DELIVERED, null, respondBy, respondBy.minusSeconds(3600)),
                new HandoverStore.Handover(noticeId, NoticeType.CHILD_CONCERN_REPORT, sender, heldFor,
                        HandoverStore.HandoverState.HELD, "AWAITING_CONSENT", null, respondBy.minusSeconds(3600))));

        mvc.perform(get("/api/v1/notices/" + noticeId).requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noticeId").value(noticeId.toString()))
                .andExpect(jsonPath("$.type").value("CHILD_CONCERN_REPORT"))
                .andExpect(jsonPath("$.recipients[0].recipient").value(recipient.value()))
                .andExpect(jsonPath("$.recipients[0].state").value("DELIVERED"))
                .andExpect(jsonPath("$.recipients[1].state").value("HELD"))
                .andExpect(jsonPath("$.recipients[1].reasonCode").value("AWAITING_CONSENT"));
    }

    @Test
    void onlyTheSenderMayReadTheHandoverState() throws Exception {
        UUID noticeId = UUID.randomUUID();
        handovers.put(noticeId, List.of(new HandoverStore.Handover(noticeId, NoticeType.CHILD_CONCERN_REPORT, sender,
                recipient, HandoverStore.HandoverState.DELIVERED, null, null, Instant.now())));

        mvc.perform(get("/api/v1/notices/" + noticeId)
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, recipient))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not_notice_sender"));
        mvc.perform(get("/api/v1/notices/" + UUID.randomUUID())
                        .requestAttr(ApiConfiguration.PARTICIPANT_ATTRIBUTE, sender))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notice_not_found"));
    }

    private final class StubHandovers implements HandoverStore {
        @Override
        public boolean noticeKnown(UUID noticeId) {
            return handovers.containsKey(noticeId);
        }

        @Override
        public Optional<Handover> find(UUID noticeId, ParticipantId participant) {
            return handoversOf(noticeId).stream().filter(h -> h.recipient().equals(participant)).findFirst();
        }

        @Override
        public List<Handover> handoversOf(UUID noticeId) {
            return handovers.getOrDefault(noticeId, List.of());
        }
    }
}
