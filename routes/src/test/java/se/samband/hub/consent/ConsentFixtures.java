package se.samband.hub.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/** Consents and flags with every field set, for round trips through the tables. */
final class ConsentFixtures {
    static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    static final ParticipantId BOLLNAS = PipelineFixture.SOC_BOLLNAS;

    private ConsentFixtures() {
    }

    /** A fresh pseudonym per test, so tests sharing one database never see each other's rows. */
    static String newSubject() {
        return PipelineFixture.pseudonym("subject " + UUID.randomUUID());
    }

    static ConsentRecord consent(String subject, String consentId, int version) {
        return ConsentRecord.builder()
                .consentId(consentId)
                .version(version)
                .subjectPseudonym(subject)
                .givenBy(ConsentRecord.GivenBy.SELF)
                .recordedBy(FRIVARD)
                .recordedByFunction("Frivardsinspektor")
                .recordedAt(AT.minus(Duration.ofDays(2)))
                .form(ConsentRecord.Form.E_SIGNED)
                .evidenceRef("KVV/2026/17#3")
                .senders(Set.of(FRIVARD))
                .recipients(Set.of(BOLLNAS, PipelineFixture.SOC_JONKOPING))
                .noticeTypes(Set.of(NoticeType.RELEASE_CONTACT_CONSENT, NoticeType.RELEASE_EFFECTED))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .purposes(Set.of(Purpose.SUPPORT_CONTACT))
                .validFrom(AT.minus(Duration.ofDays(1)))
                .validTo(AT.plus(Duration.ofDays(300)))
                .build();
    }

    static ConsentRecord withdrawn(ConsentRecord consent) {
        return consent.toBuilder().version(consent.version() + 1).status(ConsentRecord.Status.WITHDRAWN)
                .withdrawnAt(AT).withdrawnVia("PHONE").build();
    }

    static RiskFlag flag(String subject) {
        return new RiskFlag(subject, BOLLNAS, AT.plus(Duration.ofDays(14)), "VICTIM_AT_RISK",
                AT.minus(Duration.ofHours(1)), null);
    }
}
