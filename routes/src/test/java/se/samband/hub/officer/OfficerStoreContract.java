package se.samband.hub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.audit.AuditAppender;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.error.ErrorCode;
import se.samband.security.audit.AuditDecision;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;

/**
 * The security officer's SQL (disclosures, review queue, access report, export) against a real database: H2
 * ({@code OfficerStoreH2Test}) and PostgreSQL ({@code OfficerStorePostgresIT}). Each test starts from an empty trail.
 */
abstract class OfficerStoreContract {
    static final String ANNA = "ps1:" + "A".repeat(42) + "a";
    static final String BO = "ps1:" + "B".repeat(42) + "b";
    static final String POLICE = "polisen.gavleborg";
    static final String BOLLNAS = "socialtjanst.bollnas";
    static final String FRIVARD = "kriminalvarden.gavle";
    static final String OFFICER = "security-officer:security";
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    final Clock clock = Clock.fixed(T0.plus(30, ChronoUnit.DAYS), ZoneOffset.UTC);
    final RecordingAudit audit = new RecordingAudit();
    JdbcTemplate jdbc;
    JdbcDisclosures disclosures;
    ReviewQueue reviews;

    abstract DataSource dataSource();

    @BeforeEach
    void emptyTrail() {
        jdbc = new JdbcTemplate(dataSource());
        for (String table : new String[] {"disclosure_review", "audit_subject", "audit_checkpoint", "audit_entry",
                "handover"}) {
            jdbc.update("DELETE FROM " + table);
        }
        disclosures = new JdbcDisclosures(new NamedParameterJdbcTemplate(dataSource()));
        reviews = new ReviewQueue(disclosures, jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())), audit, clock);
    }

    @Test
    void disclosuresAreFilteredBySubjectParticipantPeriodDecisionAndBasisNewestFirst() {
        long consent = disclosed(T0, POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT, LegalBasisCode.CONSENT,
                false);
        long child = disclosed(T0.plus(1, ChronoUnit.DAYS), POLICE, BOLLNAS, List.of(BO, ANNA),
                AuditDecision.PERMIT, LegalBasisCode.DUTY_CHILD_CONCERN, false);
        long held = disclosed(T0.plus(2, ChronoUnit.DAYS), FRIVARD, BOLLNAS, List.of(BO), AuditDecision.HOLD,
                LegalBasisCode.CONSENT, false);
        long ipv = disclosed(T0.plus(3, ChronoUnit.DAYS), BOLLNAS, POLICE, List.of(ANNA), AuditDecision.PERMIT,
                LegalBasisCode.PREVENT_IPV_18C, true);
        AuditAppender.append(dataSource(), AuditEvent.builder(AuditEventType.CONSENT_REGISTERED, T0, POLICE)
                .subjectPseudonyms(List.of(ANNA)).consentId("c-1:v1").legalBasis(LegalBasisCode.CONSENT).build());

        assertThat(ids(DisclosureFilter.all(100))).containsExactly(ipv, held, child, consent);
        assertThat(ids(filter(ANNA, null, null, null, null, null))).containsExactly(ipv, child, consent);
        assertThat(ids(filter(null, FRIVARD, null, null, null, null))).as("as sender").containsExactly(held);
        assertThat(ids(filter(null, POLICE, null, null, null, null))).as("either side")
                .containsExactly(ipv, child, consent);
        assertThat(ids(filter(null, null, T0.plus(1, ChronoUnit.DAYS), T0.plus(3, ChronoUnit.DAYS), null, null)))
                .containsExactly(held, child);
        assertThat(ids(filter(null, null, null, null, AuditDecision.HOLD, null))).containsExactly(held);
        assertThat(ids(filter(ANNA, null, null, null, AuditDecision.PERMIT, LegalBasisCode.PREVENT_IPV_18C)))
                .containsExactly(ipv);

        Disclosure shown = disclosures.page(filter(null, null, null, null, null, LegalBasisCode.DUTY_CHILD_CONCERN))
                .items().get(0);
        assertThat(shown.subjects()).containsExactly(BO, ANNA);
        assertThat(shown.sender()).isEqualTo(POLICE);
        assertThat(shown.recipient()).isEqualTo(BOLLNAS);
        assertThat(shown.noticeType()).isEqualTo(NoticeType.CHILD_CONCERN_REPORT.name());
        assertThat(shown.occurredAt()).isEqualTo(T0.plus(1, ChronoUnit.DAYS));
        assertThat(shown.review()).as("no review for a basis that needs none").isNull();
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        for (int i = 0; i < 5; i++) {
            disclosed(T0.plus(i, ChronoUnit.HOURS), POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT,
                    LegalBasisCode.CONSENT, false);
        }
        Page<Disclosure> first = disclosures.page(DisclosureFilter.all(2));
        Page<Disclosure> second = disclosures.page(new DisclosureFilter(null, null, null, null, null, null, 2,
                Long.parseLong(first.nextCursor())));
        Page<Disclosure> last = disclosures.page(new DisclosureFilter(null, null, null, null, null, null, 2,
                Long.parseLong(second.nextCursor())));

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(last.items()).hasSize(1);
        assertThat(last.nextCursor()).isNull();
        assertThat(first.items().get(0).id()).isGreaterThan(second.items().get(0).id());
    }

    @Test
    void everyDisclosureOnABasisOtherThanAMatchingConsentWaitsForReviewUntilAnOfficerCompletesIt() {
        disclosed(T0, POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT, LegalBasisCode.CONSENT, false);
        long ipv = disclosed(T0.plusSeconds(60), BOLLNAS, POLICE, List.of(ANNA), AuditDecision.PERMIT,
                LegalBasisCode.PREVENT_IPV_18C, true);
        disclosed(T0.plusSeconds(90), BOLLNAS, POLICE, List.of(ANNA), AuditDecision.DENY,
                LegalBasisCode.GENERAL_CLAUSE_27, true);
        long emergency = disclosed(T0.plusSeconds(120), POLICE, BOLLNAS, List.of(BO), AuditDecision.PERMIT,
                LegalBasisCode.EMERGENCY, true);

        assertThat(reviews.list("OPEN", null, null).items()).extracting(Disclosure::id)
                .as("oldest first; a refusal disclosed nothing").containsExactly(ipv, emergency);

        Disclosure reviewed = reviews.complete(ipv, "REVIEW_OK", "Checked with the unit: risk assessment on file.",
                OFFICER);

        assertThat(reviewed.review().state()).isEqualTo("REVIEWED");
        assertThat(reviewed.review().reviewedBy()).isEqualTo(OFFICER);
        assertThat(reviewed.review().comment()).isEqualTo("Checked with the unit: risk assessment on file.");
        assertThat(reviews.list("OPEN", null, null).items()).extracting(Disclosure::id).containsExactly(emergency);
        assertThat(reviews.list("REVIEWED", null, null).items()).extracting(Disclosure::id).containsExactly(ipv);
        AuditEvent event = audit.events.get(0);
        assertThat(event.type()).isEqualTo(AuditEventType.REVIEW_COMPLETED);
        assertThat(event.actor()).isEqualTo(OFFICER);
        assertThat(event.reasonCode()).isEqualTo("REVIEW_OK");
        assertThat(event.counterpart()).isEqualTo(POLICE);
        assertThat(event.legalBasis()).isEqualTo(LegalBasisCode.PREVENT_IPV_18C);
        assertThat(event.noticeId()).isEqualTo(reviewed.noticeId());
    }

    @Test
    void aReviewIsCompletedOnceOnlyOnAReviewableDisclosureWithAProperComment() {
        long consent = disclosed(T0, POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT, LegalBasisCode.CONSENT,
                false);
        long ipv = disclosed(T0, BOLLNAS, POLICE, List.of(ANNA), AuditDecision.PERMIT, LegalBasisCode.PREVENT_IPV_18C,
                true);

        assertRefused(() -> reviews.complete(consent, null, "ok", OFFICER), ErrorCode.REVIEW_NOT_FOUND);
        assertRefused(() -> reviews.complete(999_999, null, "ok", OFFICER), ErrorCode.REVIEW_NOT_FOUND);
        assertRefused(() -> reviews.complete(ipv, null, " ", OFFICER), ErrorCode.REVIEW_INVALID);
        assertRefused(() -> reviews.complete(ipv, null, "x".repeat(2001), OFFICER), ErrorCode.REVIEW_INVALID);
        assertRefused(() -> reviews.complete(ipv, null, "About 640823-3234, fine.", OFFICER),
                ErrorCode.REVIEW_INVALID);
        assertRefused(() -> reviews.complete(ipv, "MAYBE", "ok", OFFICER), ErrorCode.REVIEW_INVALID);
        assertThat(audit.events).as("nothing audited for a refused review").isEmpty();

        reviews.complete(ipv, "REVIEW_DEVIATION", "Basis did not fit; reported to the unit.", OFFICER);

        assertRefused(() -> reviews.complete(ipv, null, "again", OFFICER), ErrorCode.REVIEW_ALREADY_COMPLETED);
        assertThat(jdbc.queryForObject("SELECT finding FROM disclosure_review WHERE position = ?", String.class, ipv))
                .isEqualTo("REVIEW_DEVIATION");
    }

    @Test
    void theAccessReportListsEveryDecisionAboutOnePersonAndWhoReceivedTheirData() {
        long first = disclosed(T0, POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT, LegalBasisCode.CONSENT,
                false);
        disclosed(T0.plusSeconds(5), POLICE, BOLLNAS, List.of(BO), AuditDecision.PERMIT, LegalBasisCode.CONSENT,
                false);
        long denied = disclosed(T0.plusSeconds(10), BOLLNAS, FRIVARD, List.of(BO, ANNA), AuditDecision.DENY,
                LegalBasisCode.CONSENT, false);
        long ipv = disclosed(T0.plusSeconds(20), BOLLNAS, POLICE, List.of(ANNA), AuditDecision.PERMIT,
                LegalBasisCode.PREVENT_IPV_18C, true);

        AccessReport report = AccessReport.of(ANNA, T0, disclosures.aboutSubject(ANNA, 10), 10);
        AccessReport cut = AccessReport.of(ANNA, T0, disclosures.aboutSubject(ANNA, 2), 2);

        assertThat(report.disclosures()).extracting(Disclosure::id).containsExactly(first, denied, ipv);
        assertThat(report.recipients()).containsExactly(BOLLNAS, POLICE);
        assertThat(report.truncated()).isFalse();
        assertThat(cut.disclosures()).extracting(Disclosure::id).containsExactly(first, denied);
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void theExportStreamsThePeriodAsQuotedCsvOrJsonWithTheDigestOfItsBytes() throws Exception {
        long inside = disclosed(T0, POLICE, BOLLNAS, List.of(BO, ANNA), AuditDecision.PERMIT,
                LegalBasisCode.CONSENT, false);
        AuditAppender.append(dataSource(), AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, T0.plusSeconds(1),
                OFFICER).outcome(AuditOutcome.FAILED).reasonCode("invalid_personnummer").build());
        disclosed(T0.plus(2, ChronoUnit.DAYS), POLICE, BOLLNAS, List.of(ANNA), AuditDecision.PERMIT,
                LegalBasisCode.CONSENT, false);
        AuditExport export = new AuditExport(dataSource());

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        AuditExport.Written written = export.write(AuditExport.Format.CSV, T0, T0.plus(1, ChronoUnit.DAYS), csv);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        export.write(AuditExport.Format.JSON, T0, T0.plus(1, ChronoUnit.DAYS), json);

        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(written.entries()).isEqualTo(2);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", AuditExport.COLUMNS));
        assertThat(lines[1]).startsWith(inside + ",DISCLOSURE_DECIDED,SUCCESS,2026-11-02T09:00:00Z,")
                .contains("," + BO + " " + ANNA + ",PERMIT,CONSENT,");
        assertThat(lines[2]).contains(",PSEUDONYM_LOOKUP,FAILED,").contains("," + OFFICER + ",");
        assertThat(written.sha256()).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(csv.toByteArray())));
        JsonNode array = new ObjectMapper().readTree(json.toByteArray());
        assertThat(array).hasSize(2);
        assertThat(array.get(0).path("position").asLong()).isEqualTo(inside);
        assertThat(array.get(0).path("subjects").toString()).isEqualTo("[\"" + BO + "\",\"" + ANNA + "\"]");
        assertThat(array.get(1).path("noticeId").isNull()).isTrue();
        assertThat(array.get(0).path("hash").asText()).hasSize(64);
    }

    @Test
    void csvFieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditExport.csvField("plain")).isEqualTo("plain");
        assertThat(AuditExport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.csvField("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    /** One disclosure decision as the pipeline audits it, with the handover row that names its sender. */
    long disclosed(Instant at, String sender, String recipient, List<String> subjects, AuditDecision decision,
                   LegalBasisCode basis, boolean reviewRequired) {
        UUID notice = UUID.randomUUID();
        AuditEvent.Builder event = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, at, "samband.hub")
                .noticeId(notice).counterpart(recipient).noticeType(basis == LegalBasisCode.DUTY_CHILD_CONCERN
                        ? NoticeType.CHILD_CONCERN_REPORT : NoticeType.RISK_ASSESSMENT_SHARED)
                .subjectPseudonyms(subjects).decision(decision).legalBasis(basis)
                .reviewRequired(reviewRequired);
        if (basis == LegalBasisCode.CONSENT) {
            event.consentId("c-" + notice + ":v1");
        }
        if (decision != AuditDecision.PERMIT) {
            event.reasonCode(decision == AuditDecision.HOLD ? "consent_missing" : "basis_not_applicable");
        }
        long position = AuditAppender.append(dataSource(), event.build()).get(0);
        jdbc.update("INSERT INTO handover (notice_id, recipient, sender, notice_type, state, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", notice, recipient, sender, "RISK_ASSESSMENT_SHARED",
                decision == AuditDecision.PERMIT ? "DELIVERED" : decision.name(), JdbcDisclosures.time(at));
        return position;
    }

    private List<Long> ids(DisclosureFilter filter) {
        return disclosures.page(filter).items().stream().map(Disclosure::id).toList();
    }

    private static DisclosureFilter filter(String subject, String participant, Instant from, Instant to,
                                           AuditDecision decision, LegalBasisCode basis) {
        return new DisclosureFilter(subject, participant, from, to, decision, basis, 100, null);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OfficerRefused.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
