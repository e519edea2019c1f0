package se.samband.security.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.consent.Fixtures.FRIVARD_GAVLE;
import static se.samband.security.consent.Fixtures.FRIVARD_JONKOPING;
import static se.samband.security.consent.Fixtures.NOW;
import static se.samband.security.consent.Fixtures.OTHER_PERSON;
import static se.samband.security.consent.Fixtures.PERSON;
import static se.samband.security.consent.Fixtures.SOC_BOLLNAS;
import static se.samband.security.consent.Fixtures.SOC_JONKOPING;
import static se.samband.security.consent.Fixtures.activeFlag;
import static se.samband.security.consent.Fixtures.releaseConsent;
import static se.samband.security.consent.Fixtures.releaseNotice;
import static se.samband.security.consent.Fixtures.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
import se.samband.security.consent.ConsentPolicy.ProtectedIdentityHandling;
import se.samband.security.consent.Decision.Deny;
import se.samband.security.consent.Decision.Hold;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.consent.Decision.Permit;

class ConsentPolicyTest {
    private static final String CONSENT_ID = "KV-GAVLE-2026-0001";
    private static final Permit CONSENT_PERMIT = new Permit(LegalBasisCode.CONSENT, CONSENT_ID, false);

    private final ConsentPolicy policy = new ConsentPolicy(Fixtures.DEMO.legalBases());

    private Decision decide(NoticeHeader header, ConsentRecord... consents) {
        return policy.decide(request(header, List.of(consents), List.of()));
    }

    private static void assertDenied(Decision decision, ErrorCode code) {
        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.code()).isEqualTo(code));
    }

    private static void assertScopeMismatch(Decision decision, String dimension) {
        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> {
            assertThat(deny.code()).isEqualTo(ErrorCode.CONSENT_SCOPE_MISMATCH);
            assertThat(deny.detail()).endsWith("does not name the " + dimension);
        });
    }

    @Nested
    class ConsentScope {

        @Test
        void permitsANoticeTheConsentNamesInEveryRespect() {
            assertThat(decide(releaseNotice().build(), releaseConsent().build())).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void permitsANoticeWithFewerCategoriesThanTheConsentNames() {
            NoticeHeader header = releaseNotice().dataCategories(Set.of(DataCategory.RELEASE_INFORMATION)).build();
            assertThat(decide(header, releaseConsent().build())).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void refusesARecipientTheConsentDoesNotName() {
            NoticeHeader header = releaseNotice().recipients(List.of(SOC_JONKOPING)).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "recipient");
        }

        @Test
        void refusesASenderTheConsentDoesNotName() {
            NoticeHeader header = releaseNotice().sender(FRIVARD_JONKOPING).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "sender");
        }

        @Test
        void refusesANoticeTypeTheConsentDoesNotName() {
            ConsentRecord onlyReleaseEffected = releaseConsent()
                    .noticeTypes(Set.of(NoticeType.RELEASE_EFFECTED)).build();
            assertScopeMismatch(decide(releaseNotice().build(), onlyReleaseEffected), "notice type");
        }

        @Test
        void refusesADataCategoryTheConsentDoesNotName() {
            NoticeHeader header = releaseNotice().dataCategories(
                    Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.RISK_ASSESSMENT)).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "data categories");
        }

        @Test
        void refusesAPurposeTheConsentDoesNotName() {
            NoticeHeader header = releaseNotice().purpose(Purpose.CASE_COORDINATION).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "purpose");
        }

        @Test
        void refusesAHeaderWithoutPurposeAsOutOfScope() {
            NoticeHeader header = releaseNotice().purpose(null).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "purpose");
        }

        @Test
        void refusesAConsentOfSomebodyElse() {
            ConsentRecord othersConsent = releaseConsent().subjectPseudonym(OTHER_PERSON).build();
            assertScopeMismatch(decide(releaseNotice().build(), othersConsent), "subject");
        }

        @Test
        void acceptsTheConsentOfAnyOfTheHeadersSubjects() {
            NoticeHeader header = releaseNotice().subjects(List.of(
                    new Subject(OTHER_PERSON, SubjectRole.VICTIM, false),
                    new Subject(PERSON, SubjectRole.PERPETRATOR, false))).build();
            assertThat(decide(header, releaseConsent().build())).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void refusesAConsentWhosePeriodHasEnded() {
            ConsentRecord ended = releaseConsent().validTo(NOW.minusSeconds(1)).build();
            assertDenied(decide(releaseNotice().build(), ended), ErrorCode.CONSENT_EXPIRED);
        }

        @Test
        void treatsTheEndOfThePeriodAsExclusive() {
            assertDenied(decide(releaseNotice().build(), releaseConsent().validTo(NOW).build()),
                    ErrorCode.CONSENT_EXPIRED);
            assertThat(decide(releaseNotice().build(), releaseConsent().validTo(NOW.plusMillis(1)).build()))
                    .isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void refusesAConsentMarkedExpired() {
            ConsentRecord expired = releaseConsent().status(ConsentRecord.Status.EXPIRED).build();
            assertDenied(decide(releaseNotice().build(), expired), ErrorCode.CONSENT_EXPIRED);
        }

        @Test
        void refusesAConsentWhosePeriodHasNotBegun() {
            ConsentRecord future = releaseConsent().validFrom(NOW.plusSeconds(1)).build();
            assertDenied(decide(releaseNotice().build(), future), ErrorCode.CONSENT_NOT_YET_VALID);
            assertThat(decide(releaseNotice().build(), releaseConsent().validFrom(NOW).build()))
                    .isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void refusesAWithdrawnConsent() {
            ConsentRecord v1 = releaseConsent().build();
            ConsentRecord v2 = v1.toBuilder().version(2).status(ConsentRecord.Status.WITHDRAWN)
                    .withdrawnAt(NOW.minus(Duration.ofHours(1))).withdrawnVia("PHONE").build();
            assertDenied(decide(releaseNotice().build(), v1, v2), ErrorCode.CONSENT_WITHDRAWN);
        }

        @Test
        void refusesFromTheMomentOfWithdrawalEvenBeforeTheStatusChanges() {
            ConsentRecord withdrawing = releaseConsent().withdrawnAt(NOW).build();
            assertDenied(decide(releaseNotice().build(), withdrawing), ErrorCode.CONSENT_WITHDRAWN);
        }

        @Test
        void refusesAConsentEnteredInError() {
            ConsentRecord void_ = releaseConsent().status(ConsentRecord.Status.ENTERED_IN_ERROR).build();
            assertDenied(decide(releaseNotice().build(), void_), ErrorCode.CONSENT_ENTERED_IN_ERROR);
        }

        @Test
        void holdsANoticeWhoseConsentIsNotRegisteredYet() {
            ConsentRecord another = releaseConsent().consentId("KV-GAVLE-2026-0099").build();
            assertThat(decide(releaseNotice().build(), another)).isEqualTo(new Hold(HoldReason.AWAITING_CONSENT, null,
                    null));
            assertThat(decide(releaseNotice().build())).isEqualTo(new Hold(HoldReason.AWAITING_CONSENT, null, null));
        }

        @Test
        void refusesAConsentClaimWithoutAConsentId() {
            NoticeHeader header = releaseNotice().legalBasis(LegalBasisClaim.of(LegalBasisCode.CONSENT)).build();
            assertDenied(decide(header, releaseConsent().build()), ErrorCode.MISSING_FIELD);
        }

        @Test
        void refusesANoticeWithoutALegalBasis() {
            NoticeHeader header = releaseNotice().legalBasis(null).build();
            assertDenied(decide(header, releaseConsent().build()), ErrorCode.MISSING_FIELD);
        }

        @Test
        void judgesByTheLatestVersionOfAConsent() {
            ConsentRecord v1 = releaseConsent().build();
            ConsentRecord v2 = v1.toBuilder().version(2)
                    .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION)).build();

            assertThat(decide(releaseNotice().build(), v1)).isEqualTo(CONSENT_PERMIT);
            assertScopeMismatch(decide(releaseNotice().build(), v2, v1), "data categories");
            assertScopeMismatch(decide(releaseNotice().build(), v1, v2), "data categories");
        }

        @Test
        void permitsAgainWhenALaterVersionWidensTheConsent() {
            ConsentRecord v1 = releaseConsent().recipients(Set.of(SOC_JONKOPING)).build();
            ConsentRecord v2 = v1.toBuilder().version(2).recipients(Set.of(SOC_JONKOPING, SOC_BOLLNAS)).build();

            assertScopeMismatch(decide(releaseNotice().build(), v1), "recipient");
            assertThat(decide(releaseNotice().build(), v2, v1)).isEqualTo(CONSENT_PERMIT);
        }
    }

    @Nested
    class Refusals {
        private ConsentRecord.Builder refusal() {
            return releaseConsent().consentId("KV-GAVLE-2026-0002").effect(ConsentRecord.Effect.DENY)
                    .dataCategories(Set.of(DataCategory.CONTACT_DETAILS));
        }

        @Test
        void aRefusalWinsOverAMatchingConsent() {
            Decision decision = decide(releaseNotice().build(), releaseConsent().build(), refusal().build());
            assertDenied(decision, ErrorCode.CONSENT_DENIED);
        }

        @Test
        void aRefusalWinsWhicheverOrderTheConsentsComeIn() {
            Decision decision = decide(releaseNotice().build(), refusal().build(), releaseConsent().build());
            assertDenied(decision, ErrorCode.CONSENT_DENIED);
        }

        @Test
        void aRefusalWinsEvenWhenTheNamedConsentIsNotRegisteredYet() {
            assertDenied(decide(releaseNotice().build(), refusal().build()), ErrorCode.CONSENT_DENIED);
        }

        @Test
        void citingARefusalAsPermissionIsRefused() {
            ConsentRecord refusalForAnotherRecipient = refusal().consentId(CONSENT_ID)
                    .recipients(Set.of(SOC_JONKOPING)).build();
            assertDenied(decide(releaseNotice().build(), refusalForAnotherRecipient), ErrorCode.CONSENT_DENIED);
        }

        @Test
        void aRefusalOfOtherRecipientsDoesNotApply() {
            ConsentRecord elsewhere = refusal().recipients(Set.of(SOC_JONKOPING)).build();
            assertThat(decide(releaseNotice().build(), releaseConsent().build(), elsewhere)).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void aRefusalOfCategoriesTheNoticeDoesNotCarryDoesNotApply() {
            NoticeHeader header = releaseNotice().dataCategories(Set.of(DataCategory.RELEASE_INFORMATION)).build();
            assertThat(decide(header, releaseConsent().build(), refusal().build())).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void aRefusalOfSomebodyElseDoesNotApply() {
            ConsentRecord others = refusal().subjectPseudonym(OTHER_PERSON).build();
            assertThat(decide(releaseNotice().build(), releaseConsent().build(), others)).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void aRefusalOutsideItsPeriodOrWithdrawnDoesNotApply() {
            ConsentRecord ended = refusal().validTo(NOW.minusSeconds(1)).build();
            ConsentRecord refusalV1 = refusal().build();
            ConsentRecord withdrawnV2 = refusalV1.toBuilder().version(2).status(ConsentRecord.Status.WITHDRAWN)
                    .withdrawnAt(NOW.minusSeconds(60)).build();

            assertThat(decide(releaseNotice().build(), releaseConsent().build(), ended)).isEqualTo(CONSENT_PERMIT);
            assertThat(decide(releaseNotice().build(), releaseConsent().build(), refusalV1, withdrawnV2))
                    .isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void aRefusalDoesNotOverrideAStatutoryDuty() {
            NoticeHeader childConcern = childConcernReport().build();
            ConsentRecord refusal = refusal().senders(Set.of(ParticipantId.of("polisen.gavleborg")))
                    .noticeTypes(Set.of(NoticeType.CHILD_CONCERN_REPORT))
                    .dataCategories(Set.of(DataCategory.CHILD_WELFARE))
                    .purposes(Set.of(Purpose.CHILD_PROTECTION)).build();

            assertThat(decide(childConcern, refusal))
                    .isEqualTo(new Permit(LegalBasisCode.DUTY_CHILD_CONCERN, null, false));
        }
    }

    static Stream<Arguments> typesARiskFlagHoldsBack() {
        return Stream.of(
                Arguments.of(NoticeType.RELEASE_CONTACT_CONSENT, "kriminalvarden.frivard-gavle", "socialtjanst.bollnas",
                        Purpose.SUPPORT_CONTACT, DataCategory.RELEASE_INFORMATION),
                Arguments.of(NoticeType.POST_INTERVIEW_SUPPORT_OFFER, "polisen.jonkoping", "socialtjanst.jonkoping",
                        Purpose.SUPPORT_CONTACT, DataCategory.CONTACT_DETAILS),
                Arguments.of(NoticeType.GROUP_PROGRAMME_REFERRAL, "socialtjanst.varberg",
                        "samverkan.halland-gruppprogram", Purpose.TREATMENT, DataCategory.REFERRAL),
                Arguments.of(NoticeType.TREATMENT_REFERRAL, "kriminalvarden.frivard-skovde", "region.utvag-skaraborg",
                        Purpose.TREATMENT, DataCategory.REFERRAL));
    }

    /** A consent and a notice it covers, for any parties, type, purpose and category. */
    private static NoticeHeader consentNotice(NoticeType type, String sender, String recipient, Purpose purpose,
                                              DataCategory category) {
        return releaseNotice().type(type).sender(ParticipantId.of(sender))
                .recipients(List.of(ParticipantId.of(recipient))).purpose(purpose)
                .dataCategories(Set.of(category)).build();
    }

    private static ConsentRecord consentFor(NoticeHeader header) {
        return releaseConsent().recordedBy(header.sender()).senders(Set.of(header.sender()))
                .recipients(Set.copyOf(header.recipients())).noticeTypes(Set.of(header.type()))
                .dataCategories(header.dataCategories()).purposes(Set.of(header.purpose())).build();
    }

    private static NoticeHeader.Builder childConcernReport() {
        return releaseNotice().type(NoticeType.CHILD_CONCERN_REPORT)
                .sender(ParticipantId.of("polisen.gavleborg"))
                .purpose(Purpose.CHILD_PROTECTION)
                .legalBasis(LegalBasisClaim.of(LegalBasisCode.DUTY_CHILD_CONCERN))
                .dataCategories(Set.of(DataCategory.CHILD_WELFARE, DataCategory.HOUSEHOLD));
    }

    @Nested
    class RiskFlags {
        private final Instant flagEnds = NOW.plus(Duration.ofDays(20));

        @ParameterizedTest(name = "{0}")
        @MethodSource("se.samband.security.consent.ConsentPolicyTest#typesARiskFlagHoldsBack")
        void holdsTypesThatLeadToContactingTheFlaggedPerson(NoticeType type, String sender, String recipient,
                                                             Purpose purpose, DataCategory category) {
            NoticeHeader header = consentNotice(type, sender, recipient, purpose, category);
            ConsentRecord consent = consentFor(header);
            assertThat(decide(header, consent)).isEqualTo(CONSENT_PERMIT);

            Decision flagged = policy.decide(request(header, List.of(consent), List.of(activeFlag(PERSON, flagEnds))));

            assertThat(flagged).isEqualTo(new Hold(HoldReason.RISK_FLAG_ACTIVE, flagEnds, "CONTACT_ENDANGERS_VICTIM"));
        }

        @Test
        void doesNotHoldAChildConcernReport() {
            Decision decision = policy.decide(request(childConcernReport().build(), List.of(),
                    List.of(activeFlag(PERSON, flagEnds))));
            assertThat(decision).isEqualTo(new Permit(LegalBasisCode.DUTY_CHILD_CONCERN, null, false));
        }

        @Test
        void permitsOnceTheFlagHasEnded() {
            RiskFlag ended = activeFlag(PERSON, NOW);
            Decision decision = policy.decide(request(releaseNotice().build(), List.of(releaseConsent().build()),
                    List.of(ended)));
            assertThat(decision).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void permitsOnceTheFlagIsCleared() {
            RiskFlag flag = activeFlag(PERSON, flagEnds);
            RiskFlag cleared = new RiskFlag(flag.subjectPseudonym(), flag.setBy(), flag.until(), flag.reasonCode(),
                    flag.setAt(), NOW.minusSeconds(1));
            Decision decision = policy.decide(request(releaseNotice().build(), List.of(releaseConsent().build()),
                    List.of(cleared)));
            assertThat(decision).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void ignoresFlagsOfPeopleTheNoticeIsNotAbout() {
            Decision decision = policy.decide(request(releaseNotice().build(), List.of(releaseConsent().build()),
                    List.of(activeFlag(OTHER_PERSON, flagEnds))));
            assertThat(decision).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void holdsUntilTheLastActiveFlagEnds() {
            Instant later = flagEnds.plus(Duration.ofDays(10));
            Decision decision = policy.decide(request(releaseNotice().build(), List.of(releaseConsent().build()),
                    List.of(activeFlag(PERSON, flagEnds), activeFlag(PERSON, later), activeFlag(PERSON, NOW))));
            assertThat(decision).isEqualTo(new Hold(HoldReason.RISK_FLAG_ACTIVE, later, "CONTACT_ENDANGERS_VICTIM"));
        }

        @Test
        void refusesRatherThanHoldsANoticeTheBasisRefuses() {
            NoticeHeader toJonkoping = releaseNotice().recipients(List.of(SOC_JONKOPING)).build();
            Decision decision = policy.decide(request(toJonkoping, List.of(releaseConsent().build()),
                    List.of(activeFlag(PERSON, flagEnds))));
            assertScopeMismatch(decision, "recipient");
        }

        @Test
        void waitsForTheConsentBeforeItLooksAtTheFlag() {
            Decision decision = policy.decide(request(releaseNotice().build(), List.of(),
                    List.of(activeFlag(PERSON, flagEnds))));
            assertThat(decision).isEqualTo(new Hold(HoldReason.AWAITING_CONSENT, null, null));
        }
    }

    @Nested
    class ProtectedIdentity {

        @Test
        void holdsForManualRoutingWhenTheHeaderSaysSo() {
            NoticeHeader header = releaseNotice().protectedIdentity(true).build();
            assertThat(decide(header, releaseConsent().build()))
                    .isEqualTo(new Hold(HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY, null, null));
        }

        @Test
        void holdsForManualRoutingWhenAnySubjectIsProtected() {
            NoticeHeader header = releaseNotice().subjects(List.of(
                    new Subject(PERSON, SubjectRole.PERPETRATOR, false),
                    new Subject(OTHER_PERSON, SubjectRole.VICTIM, true))).build();
            assertThat(decide(header, releaseConsent().build()))
                    .isEqualTo(new Hold(HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY, null, null));
        }

        @Test
        void holdsAStatutoryNoticeForManualRoutingToo() {
            NoticeHeader header = childConcernReport().protectedIdentity(true).build();
            assertThat(decide(header)).isEqualTo(new Hold(HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY, null, null));
        }

        @Test
        void refusesRatherThanHoldsANoticeTheBasisRefuses() {
            NoticeHeader header = releaseNotice().protectedIdentity(true).purpose(Purpose.RISK_MANAGEMENT).build();
            assertScopeMismatch(decide(header, releaseConsent().build()), "purpose");
        }

        @Test
        void aRiskFlagHoldsBeforeManualRoutingSoThatConfirmingCannotReleaseIt() {
            NoticeHeader header = releaseNotice().protectedIdentity(true).build();
            Instant flagEnds = NOW.plus(Duration.ofDays(3));
            DecisionRequest confirmed = request(header, List.of(releaseConsent().build()),
                    List.of(activeFlag(PERSON, flagEnds))).withRoutingConfirmed();

            assertThat(policy.decide(confirmed))
                    .isEqualTo(new Hold(HoldReason.RISK_FLAG_ACTIVE, flagEnds, "CONTACT_ENDANGERS_VICTIM"));
        }

        @Test
        void permitsOnceAnOperatorHasConfirmedTheRouting() {
            NoticeHeader header = releaseNotice().protectedIdentity(true).build();
            DecisionRequest confirmed = request(header, List.of(releaseConsent().build()), List.of())
                    .withRoutingConfirmed();
            assertThat(policy.decide(confirmed)).isEqualTo(CONSENT_PERMIT);
        }

        @Test
        void aConfirmedRoutingIsStillRefusedWhenTheConsentIsWithdrawn() {
            NoticeHeader header = releaseNotice().protectedIdentity(true).build();
            ConsentRecord withdrawn = releaseConsent().version(2).status(ConsentRecord.Status.WITHDRAWN)
                    .withdrawnAt(NOW.minusSeconds(5)).build();
            DecisionRequest confirmed = request(header, List.of(releaseConsent().build(), withdrawn), List.of())
                    .withRoutingConfirmed();
            assertDenied(policy.decide(confirmed), ErrorCode.CONSENT_WITHDRAWN);
        }

        @Test
        void canDeliverWithReviewInsteadWhenTheFederationChoosesTo() {
            ConsentPolicy reviewing = new ConsentPolicy(Fixtures.DEMO.legalBases(),
                    ProtectedIdentityHandling.PERMIT_WITH_REVIEW);
            NoticeHeader header = releaseNotice().protectedIdentity(true).build();
            assertThat(reviewing.decide(request(header, List.of(releaseConsent().build()), List.of())))
                    .isEqualTo(new Permit(LegalBasisCode.CONSENT, CONSENT_ID, true));
        }
    }

    @Nested
    class Contract {

        @Test
        void doesNotDecideReceiptsOrServiceMessages() {
            NoticeHeader receipt = releaseNotice().type(NoticeType.ACCEPTED).legalBasis(null).build();
            NoticeHeader service = releaseNotice().type(NoticeType.CONSENT_WITHDRAWN).legalBasis(null).build();

            assertThatThrownBy(() -> decide(receipt)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> decide(service)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesARecipientThatIsNotInTheHeader() {
            DecisionRequest wrong = new DecisionRequest(releaseNotice().build(), Fixtures.participant(FRIVARD_GAVLE),
                    Fixtures.participant(SOC_JONKOPING), List.of(), List.of(), NOW);
            assertThatThrownBy(() -> policy.decide(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("socialtjanst.jonkoping");
        }

        @Test
        void refusesASenderThatIsNotTheHeadersSender() {
            DecisionRequest wrong = new DecisionRequest(releaseNotice().build(),
                    Fixtures.participant(FRIVARD_JONKOPING), Fixtures.participant(SOC_BOLLNAS), List.of(), List.of(),
                    NOW);
            assertThatThrownBy(() -> policy.decide(wrong)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void decidesEachRecipientOnItsOwn() {
            NoticeHeader toBoth = releaseNotice().recipients(List.of(SOC_BOLLNAS, SOC_JONKOPING)).build();
            List<ConsentRecord> consents = List.of(releaseConsent().build());
            DecisionRequest bollnas = request(toBoth, consents, List.of());
            DecisionRequest jonkoping = new DecisionRequest(toBoth, Fixtures.participant(FRIVARD_GAVLE),
                    Fixtures.participant(SOC_JONKOPING), consents, List.of(), NOW);

            assertThat(policy.decide(bollnas)).isEqualTo(CONSENT_PERMIT);
            assertScopeMismatch(policy.decide(jonkoping), "recipient");
        }

        @Test
        void keepsPersonalDataOutOfTheRefusalDetail() {
            NoticeHeader header = releaseNotice().purpose(Purpose.CASE_COORDINATION).build();
            Deny deny = (Deny) decide(header, releaseConsent().build());
            assertThat(deny.detail()).contains(CONSENT_ID).doesNotContain(PERSON).doesNotContain("KV-DOC-2026-77");
        }
    }
}
