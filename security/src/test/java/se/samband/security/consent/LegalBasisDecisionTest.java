package se.samband.security.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.notice.DataCategory.CASE_CONFERENCE;
import static se.samband.notice.DataCategory.CHILD_WELFARE;
import static se.samband.notice.DataCategory.CONTACT_BAN;
import static se.samband.notice.DataCategory.CONTACT_DETAILS;
import static se.samband.notice.DataCategory.CRIMINAL_OFFENCE;
import static se.samband.notice.DataCategory.HOUSEHOLD;
import static se.samband.notice.DataCategory.REFERRAL;
import static se.samband.notice.DataCategory.RELEASE_INFORMATION;
import static se.samband.notice.DataCategory.RISK_ASSESSMENT;
import static se.samband.notice.DataCategory.RISK_CIRCUMSTANCES;
import static se.samband.notice.LegalBasisCode.CONSENT;
import static se.samband.notice.LegalBasisCode.CRIME_VS_MINOR_21;
import static se.samband.notice.LegalBasisCode.DUTY_CHILD_CONCERN;
import static se.samband.notice.LegalBasisCode.EMERGENCY;
import static se.samband.notice.LegalBasisCode.GENERAL_CLAUSE_27;
import static se.samband.notice.LegalBasisCode.KONTAKTFORBUD_NOTICE;
import static se.samband.notice.LegalBasisCode.NECESSARY_OWN_TASK;
import static se.samband.notice.LegalBasisCode.PREVENT_IPV_18C;
import static se.samband.notice.LegalBasisCode.SERIOUS_CRIME_23;
import static se.samband.notice.LegalBasisCode.SOC_HEALTH_26_9;
import static se.samband.notice.LegalBasisCode.YOUTH_CRIME_18A;
import static se.samband.notice.error.ErrorCode.BASIS_NOT_APPLICABLE;
import static se.samband.notice.error.ErrorCode.CATEGORIES_NOT_COVERED;
import static se.samband.notice.error.ErrorCode.EMERGENCY_REASON_MISSING;
import static se.samband.notice.error.ErrorCode.EMERGENCY_TOO_LONG;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.notice.error.ErrorCode;
import se.samband.security.consent.Decision.Deny;
import se.samband.security.consent.Decision.Permit;

/**
 * Every legal basis of the demo federation's table, once where it permits and at least once where it refuses.
 * The expected review flags are DOMAIN.md's ("Legal bases", column review), written out here rather than read
 * from the table, so that a table that drifts from DOMAIN.md fails.
 */
class LegalBasisDecisionTest {
    private final ConsentPolicy policy = new ConsentPolicy(Fixtures.DEMO.legalBases());

    /** One disclosure and what the policy must answer: a permit with this review flag, or this refusal. */
    record Case(String name, LegalBasisCode basis, String sender, String recipient, NoticeType type,
                Set<DataCategory> categories, Purpose purpose, String reasonCode, Duration validity,
                Boolean reviewExpected, ErrorCode refusalExpected) {

        static Case permits(String name, LegalBasisCode basis, String sender, String recipient, NoticeType type,
                            Set<DataCategory> categories, Purpose purpose, boolean review) {
            return new Case(name, basis, sender, recipient, type, categories, purpose, null, Duration.ofDays(1),
                    review, null);
        }

        static Case refuses(String name, LegalBasisCode basis, String sender, String recipient, NoticeType type,
                            Set<DataCategory> categories, Purpose purpose, ErrorCode refusal) {
            return new Case(name, basis, sender, recipient, type, categories, purpose, null, Duration.ofDays(1),
                    null, refusal);
        }

        Case withReason(String reason) {
            return new Case(name, basis, sender, recipient, type, categories, purpose, reason, validity,
                    reviewExpected, refusalExpected);
        }

        Case valid(Duration value) {
            return new Case(name, basis, sender, recipient, type, categories, purpose, reasonCode, value,
                    reviewExpected, refusalExpected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String FRIVARD = "kriminalvarden.frivard-gavle";
    static final String POLICE = "polisen.gavleborg";
    static final String SOCIAL = "socialtjanst.bollnas";
    static final String HEALTH = "region.gavleborg-psykiatri";
    static final String PROSECUTOR = "aklagare.aklagarmyndigheten";
    static final String PROGRAMME = "samverkan.halland-gruppprogram";

    static Stream<Case> cases() {
        return Stream.of(
                Case.permits("CONSENT: Frivården -> social services, release, consent names all", CONSENT,
                        FRIVARD, SOCIAL, NoticeType.RELEASE_CONTACT_CONSENT,
                        Set.of(RELEASE_INFORMATION, CONTACT_DETAILS), Purpose.SUPPORT_CONTACT, false),
                Case.refuses("CONSENT: a kontaktförbud decision is not disclosed on consent", CONSENT,
                        PROSECUTOR, POLICE, NoticeType.CONTACT_BAN_DECISION, Set.of(CONTACT_BAN),
                        Purpose.VIOLENCE_PREVENTION, BASIS_NOT_APPLICABLE),

                Case.permits("NECESSARY_OWN_TASK: police -> social services, case conference", NECESSARY_OWN_TASK,
                        POLICE, SOCIAL, NoticeType.CASE_CONFERENCE_INVITE, Set.of(CASE_CONFERENCE),
                        Purpose.CASE_COORDINATION, true),
                Case.refuses("NECESSARY_OWN_TASK: not for a release notice", NECESSARY_OWN_TASK,
                        FRIVARD, SOCIAL, NoticeType.RELEASE_CONTACT_CONSENT, Set.of(RELEASE_INFORMATION),
                        Purpose.SUPPORT_CONTACT, BASIS_NOT_APPLICABLE),
                Case.refuses("NECESSARY_OWN_TASK: child welfare data not covered", NECESSARY_OWN_TASK,
                        POLICE, SOCIAL, NoticeType.CASE_CONFERENCE_INVITE, Set.of(CASE_CONFERENCE, CHILD_WELFARE),
                        Purpose.CASE_COORDINATION, CATEGORIES_NOT_COVERED),

                Case.permits("DUTY_CHILD_CONCERN: police -> social services", DUTY_CHILD_CONCERN,
                        POLICE, SOCIAL, NoticeType.CHILD_CONCERN_REPORT, Set.of(CHILD_WELFARE, HOUSEHOLD),
                        Purpose.CHILD_PROTECTION, false),
                Case.refuses("DUTY_CHILD_CONCERN: police -> healthcare", DUTY_CHILD_CONCERN,
                        POLICE, HEALTH, NoticeType.CHILD_CONCERN_REPORT, Set.of(CHILD_WELFARE),
                        Purpose.CHILD_PROTECTION, BASIS_NOT_APPLICABLE),

                Case.permits("PREVENT_IPV_18C: social services -> police", PREVENT_IPV_18C,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES, HOUSEHOLD),
                        Purpose.VIOLENCE_PREVENTION, true),
                Case.refuses("PREVENT_IPV_18C: social services -> social services", PREVENT_IPV_18C,
                        SOCIAL, "socialtjanst.jonkoping", NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, BASIS_NOT_APPLICABLE),
                Case.refuses("PREVENT_IPV_18C: from Kriminalvården", PREVENT_IPV_18C,
                        FRIVARD, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, BASIS_NOT_APPLICABLE),

                Case.permits("YOUTH_CRIME_18A: social services -> police", YOUTH_CRIME_18A,
                        SOCIAL, POLICE, NoticeType.RISK_ASSESSMENT_SHARED, Set.of(RISK_ASSESSMENT),
                        Purpose.RISK_MANAGEMENT, true),
                Case.refuses("YOUTH_CRIME_18A: from healthcare", YOUTH_CRIME_18A,
                        HEALTH, POLICE, NoticeType.RISK_ASSESSMENT_SHARED, Set.of(RISK_ASSESSMENT),
                        Purpose.RISK_MANAGEMENT, BASIS_NOT_APPLICABLE),

                Case.permits("CRIME_VS_MINOR_21: healthcare -> police", CRIME_VS_MINOR_21,
                        HEALTH, POLICE, NoticeType.CRIME_SUSPICION_REPORT, Set.of(CRIMINAL_OFFENCE, CHILD_WELFARE),
                        Purpose.CRIME_REPORTING, true),
                Case.refuses("CRIME_VS_MINOR_21: from Kriminalvården", CRIME_VS_MINOR_21,
                        FRIVARD, POLICE, NoticeType.CRIME_SUSPICION_REPORT, Set.of(CRIMINAL_OFFENCE),
                        Purpose.CRIME_REPORTING, BASIS_NOT_APPLICABLE),

                Case.permits("SERIOUS_CRIME_23: social services -> prosecutor", SERIOUS_CRIME_23,
                        SOCIAL, PROSECUTOR, NoticeType.CRIME_SUSPICION_REPORT, Set.of(CRIMINAL_OFFENCE),
                        Purpose.CRIME_REPORTING, true),
                Case.refuses("SERIOUS_CRIME_23: child welfare data not covered", SERIOUS_CRIME_23,
                        SOCIAL, PROSECUTOR, NoticeType.CRIME_SUSPICION_REPORT, Set.of(CRIMINAL_OFFENCE, CHILD_WELFARE),
                        Purpose.CRIME_REPORTING, CATEGORIES_NOT_COVERED),
                Case.refuses("SERIOUS_CRIME_23: to social services", SERIOUS_CRIME_23,
                        HEALTH, SOCIAL, NoticeType.CRIME_SUSPICION_REPORT, Set.of(CRIMINAL_OFFENCE),
                        Purpose.CRIME_REPORTING, BASIS_NOT_APPLICABLE),

                Case.permits("GENERAL_CLAUSE_27: Frivården -> police, risk assessment", GENERAL_CLAUSE_27,
                        FRIVARD, POLICE, NoticeType.RISK_ASSESSMENT_SHARED, Set.of(RISK_ASSESSMENT),
                        Purpose.RISK_MANAGEMENT, true),
                Case.refuses("GENERAL_CLAUSE_27: from healthcare", GENERAL_CLAUSE_27,
                        HEALTH, POLICE, NoticeType.CASE_CONFERENCE_INVITE, Set.of(CASE_CONFERENCE),
                        Purpose.CASE_COORDINATION, BASIS_NOT_APPLICABLE),
                Case.refuses("GENERAL_CLAUSE_27: from social services", GENERAL_CLAUSE_27,
                        SOCIAL, POLICE, NoticeType.RISK_ASSESSMENT_SHARED, Set.of(RISK_ASSESSMENT),
                        Purpose.RISK_MANAGEMENT, BASIS_NOT_APPLICABLE),

                Case.permits("SOC_HEALTH_26_9: social services -> healthcare, referral", SOC_HEALTH_26_9,
                        SOCIAL, HEALTH, NoticeType.TREATMENT_REFERRAL, Set.of(REFERRAL, CONTACT_DETAILS),
                        Purpose.TREATMENT, true),
                Case.refuses("SOC_HEALTH_26_9: social services -> police", SOC_HEALTH_26_9,
                        SOCIAL, POLICE, NoticeType.TREATMENT_REFERRAL, Set.of(REFERRAL),
                        Purpose.TREATMENT, BASIS_NOT_APPLICABLE),

                Case.permits("KONTAKTFORBUD_NOTICE: prosecutor -> police", KONTAKTFORBUD_NOTICE,
                        PROSECUTOR, POLICE, NoticeType.CONTACT_BAN_DECISION, Set.of(CONTACT_BAN),
                        Purpose.VIOLENCE_PREVENTION, false),
                Case.permits("KONTAKTFORBUD_NOTICE: prosecutor -> social services, children in common",
                        KONTAKTFORBUD_NOTICE, PROSECUTOR, SOCIAL, NoticeType.CONTACT_BAN_DECISION,
                        Set.of(CONTACT_BAN, HOUSEHOLD), Purpose.CHILD_PROTECTION, false),
                Case.refuses("KONTAKTFORBUD_NOTICE: police -> police", KONTAKTFORBUD_NOTICE,
                        POLICE, "polisen.jonkoping", NoticeType.CONTACT_BAN_DECISION, Set.of(CONTACT_BAN),
                        Purpose.VIOLENCE_PREVENTION, BASIS_NOT_APPLICABLE),

                Case.permits("EMERGENCY: with reason, 3 days", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, true)
                        .withReason("DANGER_TO_LIFE").valid(Duration.ofDays(3)),
                Case.permits("EMERGENCY: with reason, exactly 7 days", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, true)
                        .withReason("DANGER_TO_LIFE").valid(Duration.ofDays(7)),
                Case.refuses("EMERGENCY: without reason", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, EMERGENCY_REASON_MISSING)
                        .valid(Duration.ofDays(3)),
                Case.refuses("EMERGENCY: blank reason", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, EMERGENCY_REASON_MISSING)
                        .withReason(" ").valid(Duration.ofDays(3)),
                Case.refuses("EMERGENCY: 10 days", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, EMERGENCY_TOO_LONG)
                        .withReason("DANGER_TO_LIFE").valid(Duration.ofDays(10)),
                Case.refuses("EMERGENCY: 7 days and a second", EMERGENCY,
                        SOCIAL, POLICE, NoticeType.IPV_PREVENTION_ALERT, Set.of(RISK_CIRCUMSTANCES),
                        Purpose.VIOLENCE_PREVENTION, EMERGENCY_TOO_LONG)
                        .withReason("DANGER_TO_LIFE").valid(Duration.ofDays(7).plusSeconds(1)),
                Case.refuses("EMERGENCY: not for a treatment referral", EMERGENCY,
                        SOCIAL, HEALTH, NoticeType.TREATMENT_REFERRAL, Set.of(REFERRAL),
                        Purpose.TREATMENT, BASIS_NOT_APPLICABLE)
                        .withReason("DANGER_TO_LIFE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsTheLegalBasisTableSays(Case c) {
        NoticeHeader header = headerFor(c);
        List<ConsentRecord> consents = c.basis() == CONSENT ? List.of(consentCovering(c)) : List.of();

        Decision decision = policy.decide(Fixtures.request(header, consents, List.of()));

        if (c.refusalExpected() == null) {
            String consentId = c.basis() == CONSENT ? "CASE-CONSENT-1" : null;
            assertThat(decision).isEqualTo(new Permit(c.basis(), consentId, c.reviewExpected()));
        } else {
            assertThat(decision).isInstanceOfSatisfying(Deny.class,
                    deny -> assertThat(deny.code()).isEqualTo(c.refusalExpected()));
        }
    }

    @Test
    void everyLegalBasisHasAPermittedAndARefusedCase() {
        List<Case> all = cases().toList();
        EnumSet<LegalBasisCode> permitted = EnumSet.noneOf(LegalBasisCode.class);
        EnumSet<LegalBasisCode> refused = EnumSet.noneOf(LegalBasisCode.class);
        all.forEach(c -> (c.refusalExpected() == null ? permitted : refused).add(c.basis()));

        assertThat(permitted).containsExactlyInAnyOrder(LegalBasisCode.values());
        assertThat(refused).containsExactlyInAnyOrder(LegalBasisCode.values());
    }

    @Test
    void theDemoTableStillHasEveryBasisThisTestCovers() {
        assertThat(Fixtures.DEMO.legalBases().bases()).extracting(r -> r.code())
                .containsExactlyInAnyOrder(LegalBasisCode.values());
    }

    private static NoticeHeader headerFor(Case c) {
        LegalBasisClaim claim = c.basis() == CONSENT
                ? LegalBasisClaim.consent("CASE-CONSENT-1")
                : new LegalBasisClaim(c.basis(), null, c.reasonCode());
        return NoticeHeader.builder()
                .type(c.type())
                .sender(ParticipantId.of(c.sender()))
                .recipients(List.of(ParticipantId.of(c.recipient())))
                .subjects(List.of(new Subject(Fixtures.PERSON, SubjectRole.PERPETRATOR, false)))
                .purpose(c.purpose())
                .legalBasis(claim)
                .dataCategories(c.categories())
                .created(Fixtures.NOW)
                .expires(Fixtures.NOW.plus(c.validity()))
                .build();
    }

    /** A consent that names exactly this case's parties, type, categories and purpose. */
    private static ConsentRecord consentCovering(Case c) {
        return Fixtures.releaseConsent()
                .consentId("CASE-CONSENT-1")
                .recordedBy(ParticipantId.of(c.sender()))
                .senders(Set.of(ParticipantId.of(c.sender())))
                .recipients(Set.of(ParticipantId.of(c.recipient())))
                .noticeTypes(Set.of(c.type()))
                .dataCategories(c.categories())
                .purposes(Set.of(c.purpose()))
                .build();
    }
}
