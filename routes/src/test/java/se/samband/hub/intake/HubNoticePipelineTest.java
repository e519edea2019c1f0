package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samband.hub.pipeline.PipelineFixture.CHILD;
import static se.samband.hub.pipeline.PipelineFixture.CLOCK;
import static se.samband.hub.pipeline.PipelineFixture.FRIVARD;
import static se.samband.hub.pipeline.PipelineFixture.NOW;
import static se.samband.hub.pipeline.PipelineFixture.PERPETRATOR;
import static se.samband.hub.pipeline.PipelineFixture.POLICE;
import static se.samband.hub.pipeline.PipelineFixture.SOC_BOLLNAS;
import static se.samband.hub.pipeline.PipelineFixture.SOC_JONKOPING;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchPlan.Receipt;
import se.samband.hub.intake.PipelineResult.RecipientOutcome;
import se.samband.hub.intake.PipelineResult.RecipientOutcome.Outcome;
import se.samband.hub.pipeline.InMemoryConsentStore;
import se.samband.hub.pipeline.InMemoryHandoverStore;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

class HubNoticePipelineTest {
    /** Consent ids with a random UUID now and then hold a personnummer-shaped digit run: count instead. */
    private static final AtomicInteger CONSENT_SEQUENCE =
            new AtomicInteger();

    private static final PipelineFixture FIXTURE = PipelineFixture.shared();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryHandoverStore handovers = new InMemoryHandoverStore();
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final HubNoticePipeline pipeline = new HubNoticePipeline(FIXTURE::federation, FIXTURE.trust(),
            handovers, consents, CLOCK, new PipelineProperties(1024 * 1024));

    @Test
    void deliversAChildConcernReportOnTheDutyToReportWithoutReview() throws IOException {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS, SOC_JONKOPING).build();
        byte[] container = FIXTURE.seal(header);

        PipelineResult result = pipeline.process(submission(container, POLICE));

        assertThat(result.rejected()).isFalse();
        assertThat(result.outcomes()).containsExactly(new RecipientOutcome(SOC_BOLLNAS, Outcome.DELIVERED, null),
                new RecipientOutcome(SOC_JONKOPING, Outcome.DELIVERED, null));
        DispatchPlan plan = result.plan();
        assertThat(plan.noticeId()).isEqualTo(header.noticeId());
        assertThat(plan.deliveries()).hasSize(2).allSatisfy(d -> {
            assertThat(d.container()).as("the sender's exact bytes, never re-sealed").isSameAs(container);
            assertThat(d.sender()).isEqualTo(POLICE);
            assertThat(d.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT);
        });
        assertThat(plan.held()).isEmpty();
        assertThat(plan.rejected()).isNull();
        List<AuditEvent> decided = events(plan, AuditEventType.DISCLOSURE_DECIDED);
        assertThat(decided).extracting(AuditEvent::counterpart).containsExactly(SOC_BOLLNAS.value(),
                SOC_JONKOPING.value());
        assertThat(decided).allSatisfy(e -> {
            assertThat(e.decision()).isEqualTo(AuditDecision.PERMIT);
            assertThat(e.legalBasis()).isEqualTo(LegalBasisCode.DUTY_CHILD_CONCERN);
            assertThat(e.reviewRequired()).isFalse();
            assertThat(e.actor()).isEqualTo("samband.hub");
            assertThat(e.noticeId()).isEqualTo(header.noticeId());
            assertThat(e.noticeType()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT);
            assertThat(e.subjectPseudonyms()).containsExactly(PERPETRATOR, CHILD);
            assertThat(e.detailDigest()).isEqualTo(bodyDigestOf(container));
        });
        assertThat(events(plan, AuditEventType.NOTICE_DISPATCHED)).extracting(AuditEvent::counterpart)
                .containsExactly(SOC_BOLLNAS.value(), SOC_JONKOPING.value());
        // One working day from Tuesday 10:00 Swedish time.
        assertThat(plan.checks()).extracting(DispatchPlan.RespondByCheck::at)
                .containsOnly(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(plan.checks()).extracting(DispatchPlan.RespondByCheck::recipient)
                .containsExactly(SOC_BOLLNAS, SOC_JONKOPING);

        Receipt receipt = onlyReceipt(plan);
        OpenedNotice opened = open(receipt, POLICE);
        assertThat(opened.header().type()).isEqualTo(NoticeType.SUBMISSION_RECEIPT);
        assertThat(opened.header().sender()).isEqualTo(ParticipantId.HUB);
        assertThat(opened.header().recipients()).containsExactly(POLICE);
        assertThat(opened.header().inReplyTo()).isEqualTo(header.noticeId());
        assertThat(opened.header().purpose()).isEqualTo(Purpose.SERVICE);
        assertThat(opened.header().subjects()).isEmpty();
        assertThat(opened.signer()).isEqualTo(FIXTURE.trust().certificateOf(ParticipantId.HUB).orElseThrow());
        JsonNode lines = JSON.readTree(opened.payload()).get("recipients");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("recipient").asText()).isEqualTo(SOC_BOLLNAS.value());
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void decidesEachRecipientOfAConsentNoticeOnItsOwn() throws IOException {
        String consentId = "kvv-gavle-" + CONSENT_SEQUENCE.incrementAndGet();
        consents.add(releaseConsent(consentId, Set.of(SOC_BOLLNAS)));
        NoticeHeader header = releaseNotice(consentId, SOC_BOLLNAS, SOC_JONKOPING).build();
        byte[] container = FIXTURE.seal(header);

        PipelineResult result = pipeline.process(submission(container, FRIVARD));

        assertThat(result.outcomes()).containsExactly(new RecipientOutcome(SOC_BOLLNAS, Outcome.DELIVERED, null),
                new RecipientOutcome(SOC_JONKOPING, Outcome.DENIED, "consent_scope_mismatch"));
        DispatchPlan plan = result.plan();
        assertThat(plan.deliveries()).extracting(DispatchPlan.Delivery::recipient).containsExactly(SOC_BOLLNAS);
        assertThat(plan.held()).isEmpty();
        List<AuditEvent> decided = events(plan, AuditEventType.DISCLOSURE_DECIDED);
        assertThat(decided).hasSize(2);
        assertThat(decided.get(0).decision()).isEqualTo(AuditDecision.PERMIT);
        assertThat(decided.get(0).consentId()).isEqualTo(consentId);
        assertThat(decided.get(0).legalBasis()).isEqualTo(LegalBasisCode.CONSENT);
        assertThat(decided.get(1).decision()).isEqualTo(AuditDecision.DENY);
        assertThat(decided.get(1).reasonCode()).isEqualTo("consent_scope_mismatch");
        assertThat(decided.get(1).counterpart()).isEqualTo(SOC_JONKOPING.value());
        assertThat(events(plan, AuditEventType.NOTICE_DISPATCHED)).extracting(AuditEvent::counterpart)
                .containsExactly(SOC_BOLLNAS.value());
        // Five working days from Tuesday.
        assertThat(plan.checks()).extracting(DispatchPlan.RespondByCheck::at)
                .containsExactly(Instant.parse("2026-12-01T09:00:00Z"));

        JsonNode lines = JSON.readTree(open(onlyReceipt(plan), FRIVARD).payload()).get("recipients");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("DENIED");
        assertThat(lines.get(1).get("reasonCode").asText()).isEqualTo("consent_scope_mismatch");
    }

    @Test
    void holdsANoticeOnAConsentTheRegistryDoesNotKnowYet() {
        NoticeHeader header = releaseNotice("not-registered-yet", SOC_BOLLNAS, SOC_JONKOPING).build();
        byte[] container = FIXTURE.seal(header);

        PipelineResult result = pipeline.process(submission(container, FRIVARD));

        assertThat(result.outcomes()).extracting(RecipientOutcome::outcome).containsOnly(Outcome.HELD);
        assertThat(result.outcomes()).extracting(RecipientOutcome::reasonCode).containsOnly("AWAITING_CONSENT");
        DispatchPlan plan = result.plan();
        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.held()).hasSize(2).allSatisfy(h -> {
            assertThat(h.container()).isSameAs(container);
            assertThat(h.reasonCode()).isEqualTo("AWAITING_CONSENT");
            assertThat(h.holdUntil()).isNull();
        });
        assertThat(events(plan, AuditEventType.DISCLOSURE_DECIDED)).allSatisfy(e -> {
            assertThat(e.decision()).isEqualTo(AuditDecision.HOLD);
            assertThat(e.reasonCode()).isEqualTo("AWAITING_CONSENT");
            assertThat(e.consentId()).isEqualTo("not-registered-yet");
        });
        assertThat(events(plan, AuditEventType.NOTICE_DISPATCHED)).isEmpty();
        assertThat(plan.receipts()).hasSize(1);
    }

    @Test
    void holdsAContactNoticeWhileARiskFlagIsActiveAndTellsTheSenderUntilWhen() throws IOException {
        String consentId = "kvv-gavle-" + CONSENT_SEQUENCE.incrementAndGet();
        Instant until = NOW.plus(Duration.ofDays(14));
        consents.add(releaseConsent(consentId, Set.of(SOC_BOLLNAS)))
                .add(new RiskFlag(PERPETRATOR, SOC_BOLLNAS, until, "VICTIM_AT_RISK", NOW.minusSeconds(3600), null));
        byte[] container = FIXTURE.seal(releaseNotice(consentId, SOC_BOLLNAS).build());

        PipelineResult result = pipeline.process(submission(container, FRIVARD));

        assertThat(result.outcomes()).containsExactly(
                new RecipientOutcome(SOC_BOLLNAS, Outcome.HELD, "RISK_FLAG_ACTIVE"));
        assertThat(result.plan().held()).singleElement().satisfies(h -> assertThat(h.holdUntil()).isEqualTo(until));
        JsonNode line = JSON.readTree(open(onlyReceipt(result.plan()), FRIVARD).payload()).get("recipients").get(0);
        assertThat(line.get("flagReasonCode").asText()).isEqualTo("VICTIM_AT_RISK");
        assertThat(Instant.parse(line.get("holdUntil").asText())).isEqualTo(until);
    }

    @Test
    void queuesANoticeAboutAProtectedIdentityForManualRouting() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS)
                .subjects(List.of(new Subject(PERPETRATOR, SubjectRole.PERPETRATOR, false),
                        new Subject(CHILD, SubjectRole.CHILD, true)))
                .build();

        PipelineResult result = pipeline.process(submission(FIXTURE.seal(header), POLICE));

        assertThat(result.outcomes()).containsExactly(
                new RecipientOutcome(SOC_BOLLNAS, Outcome.HELD, "MANUAL_ROUTING_PROTECTED_IDENTITY"));
        assertThat(events(result.plan(), AuditEventType.MANUAL_ROUTING_QUEUED)).singleElement()
                .satisfies(e -> assertThat(e.reasonCode()).isEqualTo("protected_identity.child"));
    }

    @Test
    void refusesWithARejectedEntryAnAuditEventAndASignedRejectionReceipt() throws IOException {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).created(NOW.minus(Duration.ofMinutes(6)))
                .build();
        byte[] container = FIXTURE.seal(header);

        PipelineResult result = pipeline.process(submission(container, POLICE));

        assertThat(result.rejected()).isTrue();
        assertThat(result.refusal()).isEqualTo(new PipelineResult.Refusal(ErrorCode.CLOCK_SKEW, header.noticeId()));
        assertThat(result.outcomes()).isEmpty();
        DispatchPlan plan = result.plan();
        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.rejected().code()).isEqualTo(ErrorCode.CLOCK_SKEW);
        assertThat(plan.rejected().noticeId()).isEqualTo(header.noticeId());
        assertThat(plan.rejected().sender()).isEqualTo(POLICE);
        assertThat(plan.rejected().container()).isEqualTo(container);
        assertThat(plan.auditEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.NOTICE_REJECTED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.reasonCode()).isEqualTo("clock_skew");
            assertThat(e.actor()).isEqualTo(POLICE.value());
            assertThat(e.noticeId()).isEqualTo(header.noticeId());
        });
        OpenedNotice rejection = open(onlyReceipt(plan), POLICE);
        assertThat(rejection.header().type()).isEqualTo(NoticeType.REJECTED);
        assertThat(rejection.header().reasonCode()).isEqualTo("CLOCK_SKEW");
        assertThat(rejection.header().inReplyTo()).isEqualTo(header.noticeId());
        assertThat(JSON.readTree(rejection.payload()).get("code").asText()).isEqualTo("clock_skew");
    }

    @Test
    void answersAnUnreadableSubmissionWithTheContainerIdAndNoNoticeId() {
        byte[] garbage = "{\"header\":\"bm90IGpzb24\",\"signature\":\"AA==\",\"body\":\"AA==\"}"
                .getBytes(StandardCharsets.US_ASCII);

        PipelineResult result = pipeline.process(submission(garbage, POLICE));

        assertThat(result.refusal().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(result.refusal().noticeId()).isNull();
        assertThat(result.plan().rejected().noticeId()).isNull();
        UUID containerId = ContainerId.of(garbage);
        assertThat(containerId.version()).isEqualTo(8);
        assertThat(result.plan().noticeId()).isEqualTo(containerId);
        assertThat(open(onlyReceipt(result.plan()), POLICE).header().inReplyTo()).isEqualTo(containerId);
        assertThat(result.plan().auditEvents().get(0).noticeId()).isNull();
    }

    @Test
    void keepsNoCopyOfAContainerOverTheLimitAndSendsNoReceiptToAStranger() {
        HubNoticePipeline small = new HubNoticePipeline(FIXTURE::federation, FIXTURE.trust(), handovers, consents,
                CLOCK, new PipelineProperties(100));
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        PipelineResult tooLarge = small.process(submission(container, POLICE));
        PipelineResult fromStranger = pipeline.process(submission(container, ParticipantId.of("polisen.stranger")));

        assertThat(tooLarge.refusal().code()).isEqualTo(ErrorCode.NOTICE_TOO_LARGE);
        assertThat(tooLarge.plan().rejected().container()).isEmpty();
        assertThat(fromStranger.refusal().code()).isEqualTo(ErrorCode.SENDER_MISMATCH);
        assertThat(fromStranger.plan().receipts()).isEmpty();
        assertThat(fromStranger.plan().auditEvents()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED));
    }

    @Test
    void namesTheRefusedRecipientInTheRejectionsAuditEvent() {
        ParticipantId psychiatry = PipelineFixture.PSYCHIATRY;
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS, psychiatry).build());

        PipelineResult result = pipeline.process(submission(container, POLICE));

        assertThat(result.refusal().code()).isEqualTo(ErrorCode.ROUTE_NOT_PERMITTED);
        assertThat(result.plan().auditEvents().get(0).counterpart()).isEqualTo(psychiatry.value());
    }

    @Test
    void processesARedeliveryAfterARollbackButRefusesAResendAfterCommit() {
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        PipelineResult rolledBack = pipeline.process(submission(container, POLICE));
        pipeline.abandoned(rolledBack);
        PipelineResult redelivered = pipeline.process(submission(container, POLICE));
        pipeline.committed(redelivered);
        PipelineResult resent = pipeline.process(submission(container, POLICE));

        assertThat(rolledBack.rejected()).isFalse();
        assertThat(redelivered.rejected()).isFalse();
        assertThat(redelivered.plan().deliveries()).hasSize(1);
        assertThat(resent.refusal().code()).isEqualTo(ErrorCode.REPLAYED_NOTICE);
        assertThat(resent.plan().deliveries()).isEmpty();
        assertThat(open(onlyReceipt(resent.plan()), POLICE).header().reasonCode()).isEqualTo("REPLAYED_NOTICE");
    }

    @Test
    void aCopyTakenBeforeTheFirstCommitsWaitsForItAndIsRefusedAsAReplay() throws Exception {
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        PipelineResult first = pipeline.process(submission(container, POLICE));
        CompletableFuture<PipelineResult> copy = new CompletableFuture<>();
        Thread otherConsumer = new Thread(() -> {
            try {
                copy.complete(pipeline.process(submission(container, POLICE)));
            } catch (RuntimeException e) {
                copy.completeExceptionally(e);
            }
        });
        otherConsumer.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> otherConsumer.getState() == Thread.State.TIMED_WAITING);

        pipeline.committed(first);

        PipelineResult second = copy.get(10, TimeUnit.SECONDS);
        assertThat(first.plan().deliveries()).hasSize(1);
        assertThat(second.refusal().code()).isEqualTo(ErrorCode.REPLAYED_NOTICE);
        assertThat(second.plan().deliveries()).isEmpty();
    }

    @Test
    void aRefusedCopyLeavesTheNoticeToTheNextCopyAtOnce() {
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        PipelineResult fromStranger = pipeline.process(submission(container, ParticipantId.of("polisen.stranger")));
        // Were the stranger's claim kept, this would wait for it and then be left to redelivery (an exception).
        PipelineResult fromSender = pipeline.process(submission(container, POLICE));

        assertThat(fromStranger.refusal().code()).isEqualTo(ErrorCode.SENDER_MISMATCH);
        assertThat(fromSender.rejected()).isFalse();
        assertThat(fromSender.plan().deliveries()).hasSize(1);
    }

    @Test
    void forwardsReceiptsUnchangedToTheOriginalSender() {
        NoticeHeader notice = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        PipelineResult delivered = pipeline.process(submission(FIXTURE.seal(notice), POLICE));
        handovers.apply(delivered.plan());
        pipeline.committed(delivered);

        NoticeHeader accepted = PipelineFixture.receipt(SOC_BOLLNAS, NoticeType.ACCEPTED, notice.noticeId(), POLICE)
                .build();
        byte[] receiptContainer = FIXTURE.seal(accepted);
        PipelineResult forwarded = pipeline.process(submission(receiptContainer, SOC_BOLLNAS));

        assertThat(forwarded.rejected()).isFalse();
        assertThat(forwarded.outcomes()).containsExactly(new RecipientOutcome(POLICE, Outcome.DELIVERED, null));
        Receipt receipt = onlyReceipt(forwarded.plan());
        assertThat(receipt.to()).isEqualTo(POLICE);
        assertThat(receipt.type()).isEqualTo(NoticeType.ACCEPTED);
        assertThat(receipt.inReplyTo()).isEqualTo(notice.noticeId());
        assertThat(receipt.container()).isSameAs(receiptContainer);
        assertThat(open(receipt, POLICE).header().sender()).isEqualTo(SOC_BOLLNAS);
        assertThat(forwarded.plan().deliveries()).isEmpty();
        assertThat(forwarded.plan().auditEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.RECEIPT_RECORDED);
            assertThat(e.actor()).isEqualTo(SOC_BOLLNAS.value());
            assertThat(e.counterpart()).isEqualTo(SOC_BOLLNAS.value());
            assertThat(e.noticeId()).isEqualTo(notice.noticeId());
            assertThat(e.noticeType()).isEqualTo(NoticeType.ACCEPTED);
        });

        handovers.apply(forwarded.plan());
        assertThat(handovers.find(notice.noticeId(), SOC_BOLLNAS)).get()
                .satisfies(h -> assertThat(h.state().name()).isEqualTo("ACCEPTED"));
        NoticeHeader declinedByBystander = PipelineFixture.receipt(SOC_JONKOPING, NoticeType.DECLINED,
                notice.noticeId(), POLICE).reasonCode("NOT_OUR_CASE").build();
        assertThat(pipeline.process(submission(FIXTURE.seal(declinedByBystander), SOC_JONKOPING)).refusal().code())
                .isEqualTo(ErrorCode.RECEIPT_NOT_ROUTABLE);
    }

    @Test
    void aRegistryThatCannotBeReadIsATransientFailureNotARefusal() {
        java.util.concurrent.atomic.AtomicBoolean databaseDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        se.samband.hub.consent.ConsentStore flaky = new se.samband.hub.consent.ConsentStore() {
            @Override
            public List<ConsentRecord> consentsFor(java.util.Collection<String> pseudonyms) {
                failIfDown();
                return consents.consentsFor(pseudonyms);
            }

            @Override
            public List<RiskFlag> riskFlagsFor(java.util.Collection<String> pseudonyms) {
                failIfDown();
                return consents.riskFlagsFor(pseudonyms);
            }

            private void failIfDown() {
                if (databaseDown.get()) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("database down");
                }
            }
        };
        HubNoticePipeline hub = new HubNoticePipeline(FIXTURE::federation, FIXTURE.trust(), handovers, flaky, CLOCK,
                new PipelineProperties(1024 * 1024));
        byte[] container = FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.process(submission(container, POLICE)))
                .as("the caller rolls back and the notice is redelivered")
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        databaseDown.set(false);

        PipelineResult redelivered = hub.process(submission(container, POLICE));
        assertThat(redelivered.rejected()).isFalse();
        assertThat(redelivered.plan().deliveries()).hasSize(1);
    }

    @Test
    void logsNoPseudonymWhetherItDeliversOrRefuses() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            pipeline.process(submission(FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build()), POLICE));
            pipeline.process(submission(FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS)
                    .created(NOW.plusSeconds(900)).build()), POLICE));
            pipeline.process(submission(FIXTURE.seal(PipelineFixture.childConcern(SOC_BOLLNAS).build()), FRIVARD));
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(PERPETRATOR) || line.contains(CHILD) || line.contains("payload"));
    }

    private static NoticeHeader.Builder releaseNotice(String consentId, ParticipantId... recipients) {
        return PipelineFixture.caseNotice(FRIVARD, NoticeType.RELEASE_CONTACT_CONSENT,
                LegalBasisClaim.consent(consentId), Purpose.SUPPORT_CONTACT,
                Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS), recipients);
    }

    private static ConsentRecord releaseConsent(String consentId, Set<ParticipantId> recipients) {
        return ConsentRecord.builder()
                .consentId(consentId)
                .subjectPseudonym(PERPETRATOR)
                .givenBy(ConsentRecord.GivenBy.SELF)
                .recordedBy(FRIVARD)
                .recordedByFunction("Frivardsinspektor")
                .recordedAt(NOW.minus(Duration.ofDays(30)))
                .form(ConsentRecord.Form.WRITTEN)
                .evidenceRef("KVV-2026-0042")
                .senders(Set.of(FRIVARD))
                .recipients(recipients)
                .noticeTypes(Set.of(NoticeType.RELEASE_CONTACT_CONSENT, NoticeType.RELEASE_EFFECTED))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .purposes(Set.of(Purpose.SUPPORT_CONTACT))
                .validFrom(NOW.minus(Duration.ofDays(30)))
                .validTo(NOW.plus(Duration.ofDays(335)))
                .build();
    }

    private static Submission submission(byte[] container, ParticipantId authenticated) {
        return new Submission(container, authenticated, Submission.Transport.JMS, NOW);
    }

    private static List<AuditEvent> events(DispatchPlan plan, AuditEventType type) {
        return plan.auditEvents().stream().filter(e -> e.type() == type).toList();
    }

    private static Receipt onlyReceipt(DispatchPlan plan) {
        assertThat(plan.receipts()).hasSize(1);
        return plan.receipts().get(0);
    }

    private static OpenedNotice open(Receipt receipt, ParticipantId as) {
        return Sealing.opener().open(NoticeJson.strict().readContainer(receipt.container()), FIXTURE.key(as));
    }

    private static String bodyDigestOf(byte[] container) {
        return NoticeJson.strict().readHeader(NoticeJson.strict().readContainer(container).header()).bodyDigest();
    }
}
