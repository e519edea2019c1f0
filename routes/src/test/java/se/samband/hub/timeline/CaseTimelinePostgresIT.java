package se.samband.hub.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.HubNotices;
import se.samband.hub.PostgresTestSchema;
import se.samband.hub.audit.AuditEventCodec;
import se.samband.hub.audit.AuditProperties;
import se.samband.hub.audit.AuditTestBed;
import se.samband.hub.audit.AuditWriter;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.hub.system.Endpoints;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/**
 * The case timeline's SQL and the V8 case reference table on a real PostgreSQL (127.0.0.1:5432, database
 * {@code test}): audit events as the dispatcher sends them (with {@code sender} and {@code caseRefDigest}), written
 * by the real audit writer, then read back by subject and by case reference for a participant and an officer.
 */
class CaseTimelinePostgresIT {
    private static final String POLICE = "polisen.gavleborg";
    private static final String SOCIAL = "socialtjanst.bollnas";
    private static final String OTHER = "socialtjanst.jonkoping";

    @Test
    void timelinesBySubjectAndCaseReferenceOnPostgres() throws Exception {
        String subject = HubNotices.pseudonym("pg timeline " + UUID.randomUUID());
        String caseRef = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        UUID notice = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PostgresTestSchema schema = PostgresTestSchema.create("samband_timeline");
             AuditTestBed bed = AuditTestBed.start()) {
            DriverManagerDataSource dataSource = schema.migrated();
            AuditWriter writer = bed.writer(dataSource, new AuditProperties(200, 200, Duration.ofMillis(5),
                    Duration.ofMillis(5), 100, Duration.ofHours(1)));
            writer.start();
            try {
                send(bed, CaseRefDigest.of(caseRef),
                        decided(notice, SOCIAL, subject, now), dispatched(notice, SOCIAL, subject, now),
                        decided(notice, OTHER, subject, now), dispatched(notice, OTHER, subject, now));
                send(bed, null, AuditEvent.builder(AuditEventType.RECEIPT_RECORDED, now.plusSeconds(1), SOCIAL)
                        .noticeId(notice).counterpart(SOCIAL).noticeType(NoticeType.ACCEPTED).build());
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.headPosition() == 5);
            } finally {
                writer.stop();
            }
            CaseTimeline timeline = new CaseTimeline(new JdbcTemplate(dataSource));

            Timeline police = timeline.forParticipant(ParticipantId.of(POLICE),
                    TimelineQuery.forParticipant(subject, null, null));
            assertThat(police.entries()).extracting(TimelineEntry::type).containsExactly("DISCLOSURE_DECIDED",
                    "NOTICE_DISPATCHED", "DISCLOSURE_DECIDED", "NOTICE_DISPATCHED", "RECEIPT_RECORDED");
            Timeline social = timeline.forParticipant(ParticipantId.of(SOCIAL),
                    TimelineQuery.forParticipant(null, caseRef, null));
            assertThat(social.entries()).extracting(TimelineEntry::counterpart).containsOnly(SOCIAL);
            assertThat(social.entries()).hasSize(3);
            Timeline officer = timeline.forOfficer(TimelineQuery.forOfficer(null, caseRef, null));
            assertThat(officer.entries()).hasSize(5);
            assertThat(officer.entries().get(0).subjects()).containsExactly(subject);
            assertThat(officer.entries().get(4).subjects()).isEmpty();
            assertThat(new JdbcTemplate(dataSource).queryForObject(
                    "SELECT case_ref_digest FROM notice_case_ref WHERE notice_id = ?", String.class, notice))
                    .isEqualTo(CaseRefDigest.of(caseRef));
        }
    }

    private static AuditEvent decided(UUID notice, String recipient, String subject, Instant at) {
        return AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, at, "samband.hub").noticeId(notice)
                .counterpart(recipient).noticeType(NoticeType.CHILD_CONCERN_REPORT).subjectPseudonyms(List.of(subject))
                .decision(AuditDecision.PERMIT).legalBasis(LegalBasisCode.DUTY_CHILD_CONCERN).build();
    }

    private static AuditEvent dispatched(UUID notice, String recipient, String subject, Instant at) {
        return AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, at, "samband.hub").noticeId(notice)
                .counterpart(recipient).noticeType(NoticeType.CHILD_CONCERN_REPORT).subjectPseudonyms(List.of(subject))
                .decision(AuditDecision.PERMIT).legalBasis(LegalBasisCode.DUTY_CHILD_CONCERN).build();
    }

    /** As the dispatcher sends a plan's audit events: the sender and the case reference digest beside each. */
    private static void send(AuditTestBed bed, String caseRefDigest, AuditEvent... events) throws Exception {
        try (JMSContext context = bed.connectionFactory().createContext(JMSContext.SESSION_TRANSACTED)) {
            var producer = context.createProducer();
            for (AuditEvent event : events) {
                BytesMessage message = context.createBytesMessage();
                message.writeBytes(AuditEventCodec.encode(event));
                if (event.type() != AuditEventType.RECEIPT_RECORDED) {
                    message.setStringProperty(AuditEventCodec.SENDER_PROPERTY, POLICE);
                }
                if (caseRefDigest != null) {
                    message.setStringProperty(AuditEventCodec.CASE_REF_DIGEST_PROPERTY, caseRefDigest);
                }
                producer.send(context.createQueue(Endpoints.HUB_AUDIT), message);
            }
            context.commit();
        }
    }
}
