package se.samband.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.handover.DueHandovers;
import se.samband.hub.handover.DueHandovers.Due;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.hub.handover.JdbcHandoverStore;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEntry;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.audit.ChainVerification;
import se.samband.security.audit.ChainVerification.Problem;
import se.samband.security.audit.Checkpoint;

/**
 * The audit writer's behaviour on one database: H2 ({@link AuditWriterH2Test}) and PostgreSQL
 * ({@link AuditWriterPostgresIT}) run the same tests. Each test gets a freshly migrated database.
 */
abstract class AuditWriterContract {
    static final ParticipantId SENDER = ParticipantId.of("polisen.gavleborg");
    static final String SOCIAL = "socialtjanst.bollnas";
    static final String PSYCHIATRY = "region.gavleborg-psykiatri";
    static final Duration WAIT = Duration.ofSeconds(20);

    static AuditTestBed bed;
    DataSource dataSource;
    JdbcTemplate jdbc;
    AuditWriter writer;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** A freshly migrated, empty database for one test. */
    abstract DataSource newDatabase();

    @BeforeAll
    static void startBroker() throws Exception {
        bed = AuditTestBed.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        bed.close();
    }

    @BeforeEach
    void freshDatabase() {
        dataSource = newDatabase();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void stopWriter() {
        if (writer != null) {
            writer.stop();
        }
    }

    void startWriter(AuditProperties settings) {
        writer = bed.writer(dataSource, settings);
        writer.start();
    }

    @Test
    void eventsOnTheQueueBecomeAVerifiableChainWithTheHandoverState() {
        startWriter(AuditProperties.defaults());
        UUID notice = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        List<String> subjects = List.of(AuditTestBed.pseudonym(), AuditTestBed.pseudonym());
        AuditEvent permit = decided(notice, SOCIAL, AuditDecision.PERMIT, null, subjects);
        AuditEvent hold = decided(notice, PSYCHIATRY, AuditDecision.HOLD, "consent_missing", subjects);
        Instant respondBy = now.plus(Duration.ofDays(2));
        bed.send(SENDER, respondBy, permit, hold);
        AuditEvent received = receipt(notice, SOCIAL, NoticeType.RECEIVED, null);
        AuditEvent accepted = receipt(notice, SOCIAL, NoticeType.ACCEPTED, null);
        AuditEvent refusal = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, now, SENDER.value())
                .outcome(AuditOutcome.SUCCESS).noticeId(rejected).reasonCode("signature_invalid").build();
        bed.send(received, accepted, refusal);

        await().atMost(WAIT).until(() -> writer.headPosition() == 5);

        List<AuditEntry> stored = new JdbcAuditLog(dataSource).readEntries(entries -> {
            List<AuditEntry> all = new ArrayList<>();
            entries.forEachRemaining(all::add);
            return all;
        });
        assertThat(stored).extracting(AuditEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stored).extracting(AuditEntry::event).containsExactly(permit, hold, received, accepted, refusal);
        assertThat(stored.get(0).event().subjectPseudonyms()).as("subjects in the notice's order")
                .containsExactlyElementsOf(subjects);
        ChainVerification verification = verification().verify();
        assertThat(verification.ok()).as(verification.message()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(5);

        HandoverStore handovers = new JdbcHandoverStore(dataSource);
        assertThat(handovers.find(notice, ParticipantId.of(SOCIAL))).get().satisfies(h -> {
            assertThat(h.state()).isEqualTo(HandoverState.ACCEPTED);
            assertThat(h.sender()).isEqualTo(SENDER);
            assertThat(h.type()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT);
            assertThat(h.respondBy()).isEqualTo(respondBy);
        });
        assertThat(handovers.find(notice, ParticipantId.of(PSYCHIATRY))).get().satisfies(h -> {
            assertThat(h.state()).isEqualTo(HandoverState.HELD);
            assertThat(h.reasonCode()).isEqualTo("consent_missing");
        });
        assertThat(handovers.handoversOf(notice)).extracting(Handover::recipient)
                .containsExactly(ParticipantId.of(PSYCHIATRY), ParticipantId.of(SOCIAL));
        assertThat(handovers.noticeKnown(notice)).isTrue();
        assertThat(handovers.noticeKnown(rejected)).as("a refused notice id stays free for a corrected resend")
                .isFalse();
        assertThat(handovers.noticeKnown(UUID.randomUUID())).isFalse();
        assertThat(handovers.handoversOf(rejected)).isEmpty();
    }

    @Test
    void handoverStatesMoveForwardOnly() {
        startWriter(AuditProperties.defaults());
        UUID notice = UUID.randomUUID();
        UUID denied = UUID.randomUUID();
        bed.send(SENDER, now.plusSeconds(60), decided(notice, SOCIAL, AuditDecision.PERMIT, null, List.of()),
                decided(notice, PSYCHIATRY, AuditDecision.HOLD, "consent_missing", List.of()),
                decided(denied, SOCIAL, AuditDecision.DENY, "consent_denied", List.of()));
        bed.send(AuditEvent.builder(AuditEventType.HANDOVER_ESCALATED, now, "samband.hub").noticeId(notice)
                        .counterpart(SOCIAL).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                        .reasonCode("RESPOND_BY_PASSED").build(),
                AuditEvent.builder(AuditEventType.HOLD_RELEASED, now, "samband.hub").noticeId(notice)
                        .counterpart(PSYCHIATRY).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                        .decision(AuditDecision.PERMIT).legalBasis(LegalBasisCode.CONSENT).consentId("consent-7.v2")
                        .reasonCode("CONSENT_REGISTERED").build(),
                receipt(denied, SOCIAL, NoticeType.ACCEPTED, null));
        bed.send(receipt(notice, PSYCHIATRY, NoticeType.DECLINED, "not_our_case"),
                receipt(notice, PSYCHIATRY, NoticeType.RECEIVED, null));

        await().atMost(WAIT).until(() -> writer.headPosition() == 8);

        HandoverStore handovers = new JdbcHandoverStore(dataSource);
        assertThat(handovers.find(notice, ParticipantId.of(SOCIAL))).get()
                .returns(HandoverState.OVERDUE, Handover::state).returns("RESPOND_BY_PASSED", Handover::reasonCode);
        assertThat(handovers.find(notice, ParticipantId.of(PSYCHIATRY))).get()
                .as("a late RECEIVED does not undo DECLINED")
                .returns(HandoverState.DECLINED, Handover::state).returns("not_our_case", Handover::reasonCode);
        assertThat(handovers.find(denied, ParticipantId.of(SOCIAL))).get().as("nothing reopens DENIED")
                .returns(HandoverState.DENIED, Handover::state);
    }

    @Test
    void theRespondByWatchFindsAnOpenHandoverOnceItsTimeHasPassedUntilItIsEscalated() {
        startWriter(AuditProperties.defaults());
        UUID notice = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        Instant respondBy = now.plus(Duration.ofHours(1));
        Instant later = respondBy.plus(Duration.ofDays(5));
        bed.send(SENDER, respondBy, decided(notice, SOCIAL, AuditDecision.PERMIT, null, List.of()),
                decided(notice, PSYCHIATRY, AuditDecision.PERMIT, null, List.of()),
                decided(declined, SOCIAL, AuditDecision.PERMIT, null, List.of()));
        bed.send(SENDER, null, decided(released, PSYCHIATRY, AuditDecision.HOLD, "consent_missing", List.of()));
        bed.send(receipt(notice, SOCIAL, NoticeType.RECEIVED, null),
                receipt(notice, PSYCHIATRY, NoticeType.ACCEPTED, null),
                receipt(declined, SOCIAL, NoticeType.DECLINED, "not_our_case"));
        bed.send(SENDER, later, AuditEvent.builder(AuditEventType.HOLD_RELEASED, now, "samband.hub")
                .noticeId(released).counterpart(PSYCHIATRY).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                .decision(AuditDecision.PERMIT).legalBasis(LegalBasisCode.CONSENT).consentId("consent-9.v1")
                .reasonCode("CONSENT_REGISTERED").build());
        await().atMost(WAIT).until(() -> writer.headPosition() == 8);
        DueHandovers due = new DueHandovers(dataSource);

        assertThat(due.dueBy(respondBy.minusMillis(1), 10)).as("not before its time").isEmpty();
        List<Due> dueNow = due.dueBy(respondBy, 10);
        assertThat(dueNow).as("RECEIVED and DECLINED wait; ACCEPTED and HELD do not")
                .extracting(d -> d.handover().noticeId(), d -> d.handover().state(), Due::watchDue)
                .containsExactlyInAnyOrder(tuple(notice, HandoverState.RECEIVED, respondBy),
                        tuple(declined, HandoverState.DECLINED, respondBy));
        assertThat(due.dueBy(respondBy, 1)).hasSize(1);

        Due received = dueNow.stream().filter(d -> d.handover().noticeId().equals(notice)).findFirst().orElseThrow();
        Instant leaseEnd = respondBy.plus(Duration.ofMinutes(5));
        assertThat(due.claim(received, leaseEnd)).isTrue();
        assertThat(due.dueBy(respondBy, 10)).as("claimed").extracting(d -> d.handover().noticeId())
                .containsExactly(declined);
        assertThat(due.escalated(received, leaseEnd)).isTrue();
        assertThat(due.escalated(received, leaseEnd)).as("once").isFalse();
        bed.send(AuditEvent.builder(AuditEventType.HANDOVER_ESCALATED, now, "samband.hub").noticeId(declined)
                .counterpart(SOCIAL).noticeType(NoticeType.CHILD_CONCERN_REPORT).reasonCode("RESPOND_BY_PASSED")
                .build());
        await().atMost(WAIT).until(() -> writer.headPosition() == 9);

        assertThat(due.dueBy(later.minusMillis(1), 10)).as("escalated: by the watch's clear, by the event").isEmpty();
        assertThat(new JdbcHandoverStore(dataSource).find(declined, ParticipantId.of(SOCIAL))).get()
                .returns(HandoverState.DECLINED, Handover::state);
        assertThat(due.dueBy(later, 10)).as("a released notice waits from its new respond-by time")
                .extracting(d -> d.handover().noticeId(), d -> d.handover().state())
                .containsExactly(tuple(released, HandoverState.DELIVERED));
    }

    @Test
    void aRedeliveredBatchAddsNothing() {
        startWriter(AuditProperties.defaults());
        UUID notice = UUID.randomUUID();
        AuditEvent[] batch = {
            decided(notice, SOCIAL, AuditDecision.PERMIT, null, List.of(AuditTestBed.pseudonym())),
            receipt(notice, SOCIAL, NoticeType.RECEIVED, null),
            AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, now, "security-officer:u1042").noticeId(notice).build()
        };
        bed.send(SENDER, null, batch);
        await().atMost(WAIT).until(() -> writer.headPosition() == 3);

        // The same messages again, as after a crash between the database and the JMS commit.
        bed.send(SENDER, null, batch);
        // A decision made again after a redelivery carries a new time but is still the same step.
        bed.send(AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, now.plusSeconds(5), "samband.hub")
                .noticeId(notice).counterpart(SOCIAL).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                .decision(AuditDecision.DENY).build());
        AuditEvent marker = receipt(notice, SOCIAL, NoticeType.ACCEPTED, null);
        bed.send(marker);

        await().atMost(WAIT).until(() -> writer.headPosition() == 4);
        assertThat(writer.duplicatesSkipped()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT type FROM audit_entry WHERE position = 4", String.class))
                .isEqualTo(AuditEventType.RECEIPT_RECORDED.name());
        assertThat(new JdbcHandoverStore(dataSource).find(notice, ParticipantId.of(SOCIAL))).get()
                .returns(HandoverState.ACCEPTED, Handover::state);
        assertThat(verification().verify().ok()).isTrue();
    }

    @Test
    void anUndecodableMessageIsParkedAndTheWriterGoesOn() {
        startWriter(AuditProperties.defaults());
        byte[] garbage = "{\"type\":\"NOT_AN_EVENT\"}".getBytes(StandardCharsets.UTF_8);
        bed.sendRaw(garbage);
        AuditEvent after = receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null);
        bed.send(after);

        await().atMost(WAIT).until(() -> writer.headPosition() == 1);
        AuditTestBed.Parked parked = bed.receiveParked(WAIT.toMillis());
        assertThat(parked).isNotNull();
        assertThat(parked.body()).isEqualTo(garbage);
        assertThat(parked.reason()).isEqualTo("audit_record_invalid");
        assertThat(parked.from()).isEqualTo("samband.hub.audit");
        assertThat(writer.messagesParked()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(1);
    }

    @Test
    void aPlansEventsInOneMessageAreAppendedInOrderAndOnce() {
        startWriter(AuditProperties.defaults());
        UUID notice = UUID.randomUUID();
        Instant respondBy = now.plus(Duration.ofDays(3));
        AuditEvent toSocial = decided(notice, SOCIAL, AuditDecision.PERMIT, null, List.of(AuditTestBed.pseudonym()));
        AuditEvent toPsychiatry = decided(notice, PSYCHIATRY, AuditDecision.PERMIT, null, List.of());
        AuditEvent dispatched = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, now, "samband.hub")
                .noticeId(notice).counterpart(SOCIAL).noticeType(NoticeType.CHILD_CONCERN_REPORT)
                .decision(AuditDecision.PERMIT).build();
        bed.sendBundle(SENDER, respondBy, toSocial, toPsychiatry, dispatched);
        await().atMost(WAIT).until(() -> writer.headPosition() == 3);

        // The same message again, as after a crash between the database and the JMS commit.
        bed.sendBundle(SENDER, respondBy, toSocial, toPsychiatry, dispatched);
        bed.send(receipt(notice, SOCIAL, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.headPosition() == 4);

        assertThat(writer.duplicatesSkipped()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT type FROM audit_entry ORDER BY position", String.class)).containsExactly(
                "DISCLOSURE_DECIDED", "DISCLOSURE_DECIDED", "NOTICE_DISPATCHED", "RECEIPT_RECORDED");
        HandoverStore handovers = new JdbcHandoverStore(dataSource);
        for (String recipient : List.of(SOCIAL, PSYCHIATRY)) {
            assertThat(handovers.find(notice, ParticipantId.of(recipient))).as(recipient).get()
                    .returns(SENDER, Handover::sender).returns(respondBy, Handover::respondBy);
        }
        assertThat(verification().verify().ok()).isTrue();
    }

    @Test
    void aListWithOneInvalidEventIsParkedWhole() {
        startWriter(AuditProperties.defaults());
        String valid = new String(AuditEventCodec.encode(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED,
                null)), StandardCharsets.UTF_8);
        byte[] list = ("[" + valid + ",{\"type\":\"NOT_AN_EVENT\"}]").getBytes(StandardCharsets.UTF_8);
        bed.sendRaw(list);
        AuditEvent after = receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null);
        bed.send(after);

        await().atMost(WAIT).until(() -> writer.headPosition() == 1);
        AuditTestBed.Parked parked = bed.receiveParked(WAIT.toMillis());
        assertThat(parked).isNotNull();
        assertThat(parked.body()).isEqualTo(list);
        assertThat(parked.reason()).isEqualTo("audit_record_invalid");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class))
                .as("only the event sent after it; nothing of the parked list").isEqualTo(1);
    }

    @Test
    void checkpointsAreSignedInTheBatchTheyCoverAndVerify() {
        startWriter(new AuditProperties(2, 200, Duration.ofMillis(5), Duration.ofMillis(5), 3, Duration.ofHours(1)));
        for (int i = 0; i < 7; i++) {
            bed.send(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null));
        }
        await().atMost(WAIT).until(() -> writer.headPosition() == 7);

        List<Checkpoint> checkpoints = new JdbcAuditLog(dataSource).checkpoints();
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(2);
        assertThat(checkpoints).extracting(Checkpoint::position).allMatch(p -> p >= 3 && p <= 7);
        ChainVerification verification = verification().verify();
        assertThat(verification.ok()).as(verification.message()).isTrue();
        assertThat(verification.checkpointsChecked()).isEqualTo(checkpoints.size());

        // Trusting another participant's certificate instead of the hub's: no checkpoint is valid.
        var foreign = new AuditVerification(new JdbcAuditLog(dataSource),
                List.of(AuditTestBed.pki().certificate(SENDER))).verify();
        assertThat(foreign.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void anEditedRowIsFoundAtItsPosition() {
        startWriter(new AuditProperties(200, 200, Duration.ofMillis(5), Duration.ofMillis(5), 2, Duration.ofHours(1)));
        for (int i = 0; i < 4; i++) {
            bed.send(decided(UUID.randomUUID(), SOCIAL, AuditDecision.DENY, "consent_denied", List.of()));
        }
        await().atMost(WAIT).until(() -> writer.headPosition() == 4);
        writer.stop();

        jdbc.update("UPDATE audit_entry SET reason_code = 'consent_missing' WHERE position = 3");
        ChainVerification edited = verification().verify();
        assertThat(edited.ok()).isFalse();
        assertThat(edited.firstBrokenPosition()).isEqualTo(3);
        assertThat(edited.problem()).isEqualTo(Problem.HASH_MISMATCH);
        jdbc.update("UPDATE audit_entry SET reason_code = 'consent_denied' WHERE position = 3");

        // Cutting off the end up to and including the last signed position.
        long signed = jdbc.queryForObject("SELECT MAX(position) FROM audit_checkpoint", Long.class);
        jdbc.update("DELETE FROM audit_subject WHERE position >= ?", signed);
        jdbc.update("DELETE FROM audit_entry WHERE position >= ?", signed);
        ChainVerification cut = verification().verify();
        assertThat(cut.problem()).as(cut.message()).isEqualTo(Problem.TRUNCATED);
        assertThat(cut.firstBrokenPosition()).isEqualTo(signed);
    }

    @Test
    void aFailedBatchIsRolledBackAndWrittenOnceTheDatabaseRecovers() {
        startWriter(new AuditProperties(200, 200, Duration.ofMillis(5), Duration.ofMillis(5), 1, Duration.ofHours(1)));
        bed.send(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null),
                receipt(UUID.randomUUID(), PSYCHIATRY, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.headPosition() == 2);

        // The checkpoint insert fails: entries and handover rows of that batch must roll back with it.
        jdbc.execute("ALTER TABLE audit_checkpoint RENAME TO audit_checkpoint_away");
        UUID notice = UUID.randomUUID();
        bed.send(SENDER, null, decided(notice, SOCIAL, AuditDecision.PERMIT, null, List.of()),
                decided(notice, PSYCHIATRY, AuditDecision.DENY, "consent_denied", List.of()),
                receipt(notice, SOCIAL, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.failures() >= 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(2);
        assertThat(new JdbcHandoverStore(dataSource).noticeKnown(notice)).isFalse();
        jdbc.execute("ALTER TABLE audit_checkpoint_away RENAME TO audit_checkpoint");

        await().atMost(WAIT).until(() -> writer.headPosition() == 5);
        assertThat(jdbc.queryForList("SELECT position FROM audit_entry ORDER BY position", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(new JdbcHandoverStore(dataSource).find(notice, ParticipantId.of(SOCIAL))).get()
                .returns(HandoverState.RECEIVED, Handover::state);
        ChainVerification verification = verification().verify();
        assertThat(verification.ok()).as(verification.message()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(5);
        assertThat(verification.checkpointsChecked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBatchIsAppendedInTransactionsOfTransactionEventsAndOnceWhenALaterOneFails() {
        // Two events per database transaction; the checkpoint due after the fourth entry cannot be stored.
        startWriter(new AuditProperties(200, 2, Duration.ofMillis(5), Duration.ofMillis(5), 4, Duration.ofHours(1)));
        bed.send(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.headPosition() == 1);
        jdbc.execute("ALTER TABLE audit_checkpoint RENAME TO audit_checkpoint_away");
        try {
            // One message, so one batch however the writer's receives fall.
            bed.sendBundle(SENDER, Instant.now().plus(Duration.ofDays(3)),
                    receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null),
                    receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null),
                    receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null),
                    receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null),
                    receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null));
            await().atMost(WAIT).until(() -> writer.failures() >= 1);
            assertThat(jdbc.queryForList("SELECT position FROM audit_entry ORDER BY position", Long.class))
                    .as("the batch's first transaction committed, its second rolled back with the checkpoint")
                    .containsExactly(1L, 2L, 3L);
        } finally {
            jdbc.execute("ALTER TABLE audit_checkpoint_away RENAME TO audit_checkpoint");
        }

        await().atMost(WAIT).until(() -> writer.headPosition() == 6);
        assertThat(jdbc.queryForList("SELECT position FROM audit_entry ORDER BY position", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(writer.duplicatesSkipped()).as("the redelivered batch's stored part").isEqualTo(2);
        assertThat(writer.batchesWritten()).as("one, then at most two events per transaction").isEqualTo(4);
        ChainVerification verification = verification().verify();
        assertThat(verification.ok()).as(verification.message()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(6);
    }

    @Test
    void aRestartedWriterContinuesTheChainFromTheDatabase() {
        startWriter(AuditProperties.defaults());
        bed.send(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.headPosition() == 1);
        writer.stop();

        startWriter(AuditProperties.defaults());
        bed.send(receipt(UUID.randomUUID(), SOCIAL, NoticeType.RECEIVED, null));
        await().atMost(WAIT).until(() -> writer.headPosition() == 2);

        ChainVerification verification = verification().verify();
        assertThat(verification.ok()).as(verification.message()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(2);
    }

    AuditVerification verification() {
        return new AuditVerification(new JdbcAuditLog(dataSource),
                List.of(AuditTestBed.pki().certificate(ParticipantId.HUB)));
    }

    AuditEvent decided(UUID notice, String recipient, AuditDecision decision, String reason, List<String> subjects) {
        return AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, now, "samband.hub").noticeId(notice)
                .counterpart(recipient).noticeType(NoticeType.CHILD_CONCERN_REPORT).subjectPseudonyms(subjects)
                .decision(decision).legalBasis(LegalBasisCode.DUTY_CHILD_CONCERN).reasonCode(reason)
                .reviewRequired(true).detailDigest(AuditTestBed.randomDigest()).build();
    }

    AuditEvent receipt(UUID notice, String recipient, NoticeType kind, String reason) {
        return AuditEvent.builder(AuditEventType.RECEIPT_RECORDED, now, recipient).noticeId(notice)
                .counterpart(recipient).noticeType(kind).reasonCode(reason).build();
    }
}
