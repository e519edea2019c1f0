package se.samband.hub.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.hub.pipeline.PipelineFixture.CLOCK;
import static se.samband.hub.pipeline.PipelineFixture.POLICE;
import static se.samband.hub.pipeline.PipelineFixture.PROSECUTOR;
import static se.samband.hub.pipeline.PipelineFixture.SOC_BOLLNAS;
import static se.samband.hub.pipeline.PipelineFixture.SOC_JONKOPING;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samband.hub.consent.ConsentStore;
import se.samband.hub.consent.SubjectRecords;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.error.ErrorCode;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.Decision;
import se.samband.security.consent.RiskFlag;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

class DisclosureDecisionsTest {
    private static final Federation DEMO = PipelineFixture.shared().federation();

    private final CountingStore store = new CountingStore();
    private final DisclosureDecisions decisions = new DisclosureDecisions(store, () -> DEMO, CLOCK);

    @Test
    void decidesEveryRecipientInOrderAfterReadingTheRegistryOnce() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS, SOC_JONKOPING).build();

        List<RecipientDecision> decided = decisions.decide(header, participant(POLICE),
                List.of(participant(SOC_BOLLNAS), participant(SOC_JONKOPING)));

        assertThat(decided).extracting(d -> d.recipient().id()).containsExactly(SOC_BOLLNAS, SOC_JONKOPING);
        assertThat(decided).extracting(RecipientDecision::decision)
                .containsOnly(new Decision.Permit(LegalBasisCode.DUTY_CHILD_CONCERN, null, false));
        assertThat(store.asked).containsExactly(List.of(PipelineFixture.PERPETRATOR, PipelineFixture.CHILD));
    }

    @Test
    void deniesABasisTheLegalBasisTableDoesNotGiveThisSender() {
        NoticeHeader header = PipelineFixture.caseNotice(PROSECUTOR, NoticeType.CONTACT_BAN_DECISION,
                LegalBasisClaim.of(LegalBasisCode.DUTY_CHILD_CONCERN), Purpose.VIOLENCE_PREVENTION,
                Set.of(DataCategory.CONTACT_BAN), POLICE).build();

        List<RecipientDecision> decided = decisions.decide(header, participant(PROSECUTOR),
                List.of(participant(POLICE)));

        assertThat(decided.get(0).decision()).isInstanceOfSatisfying(Decision.Deny.class,
                deny -> assertThat(deny.code()).isEqualTo(ErrorCode.BASIS_NOT_APPLICABLE));
    }

    @Test
    void aRegistryThatCannotBeReadFailsTheDecisionInsteadOfDecidingWithoutIt() {
        ConsentStore broken = new ConsentStore() {
            @Override
            public List<ConsentRecord> consentsFor(Collection<String> pseudonyms) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database down");
            }

            @Override
            public List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database down");
            }
        };
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();

        assertThatThrownBy(() -> new DisclosureDecisions(broken, () -> DEMO, CLOCK)
                .decide(header, participant(POLICE), List.of(participant(SOC_BOLLNAS))))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    private static Participant participant(ParticipantId id) {
        return DEMO.participant(id).orElseThrow();
    }

    private static final class CountingStore implements ConsentStore {
        final List<List<String>> asked = new ArrayList<>();

        @Override
        public List<ConsentRecord> consentsFor(Collection<String> pseudonyms) {
            throw new AssertionError("the decision reads consents and flags together");
        }

        @Override
        public List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms) {
            throw new AssertionError("the decision reads consents and flags together");
        }

        @Override
        public SubjectRecords recordsFor(Collection<String> pseudonyms) {
            asked.add(List.copyOf(pseudonyms));
            return SubjectRecords.NONE;
        }
    }
}
