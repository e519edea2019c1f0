package se.samband.security.consent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.federation.Participant;

/** The demo federation, people by pseudonym, and well-formed consents and headers to vary in tests. */
final class Fixtures {
    static final Federation DEMO = new FederationLoader().load(Path.of("../deploy/demo/federation.yaml"));
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String PERSON = pseudonym("the perpetrator");
    static final String OTHER_PERSON = pseudonym("somebody else");

    static final ParticipantId FRIVARD_GAVLE = ParticipantId.of("kriminalvarden.frivard-gavle");
    static final ParticipantId FRIVARD_JONKOPING = ParticipantId.of("kriminalvarden.frivard-jonkoping");
    static final ParticipantId SOC_BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    static final ParticipantId SOC_JONKOPING = ParticipantId.of("socialtjanst.jonkoping");

    private Fixtures() {
    }

    /** A real pseudonym's shape: ps1: + base64url (no padding) of a SHA-256. */
    static String pseudonym(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "ps1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Participant participant(ParticipantId id) {
        return DEMO.participant(id).orElseThrow(() -> new IllegalArgumentException("not in demo: " + id));
    }

    static Participant participant(String id) {
        return participant(ParticipantId.of(id));
    }

    /**
     * Scenario 1: Frivården Gävle may tell Bollnäs' joint unit about the release, for support contact, from a
     * month ago for a year.
     */
    static ConsentRecord.Builder releaseConsent() {
        return ConsentRecord.builder()
                .consentId("KV-GAVLE-2026-0001")
                .version(1)
                .status(ConsentRecord.Status.ACTIVE)
                .subjectPseudonym(PERSON)
                .givenBy(ConsentRecord.GivenBy.SELF)
                .recordedBy(FRIVARD_GAVLE)
                .recordedByFunction("Frivårdsinspektör")
                .recordedAt(NOW.minus(Duration.ofDays(30)))
                .form(ConsentRecord.Form.WRITTEN)
                .evidenceRef("KV-DOC-2026-77")
                .senders(Set.of(FRIVARD_GAVLE))
                .recipients(Set.of(SOC_BOLLNAS))
                .noticeTypes(Set.of(NoticeType.RELEASE_CONTACT_CONSENT, NoticeType.RELEASE_EFFECTED))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .purposes(Set.of(Purpose.SUPPORT_CONTACT))
                .validFrom(NOW.minus(Duration.ofDays(30)))
                .validTo(NOW.plus(Duration.ofDays(335)))
                .effect(ConsentRecord.Effect.PERMIT);
    }

    /** The release notice that {@link #releaseConsent()} covers exactly. */
    static NoticeHeader.Builder releaseNotice() {
        return NoticeHeader.builder()
                .type(NoticeType.RELEASE_CONTACT_CONSENT)
                .sender(FRIVARD_GAVLE)
                .recipients(List.of(SOC_BOLLNAS))
                .subjects(List.of(new Subject(PERSON, SubjectRole.PERPETRATOR, false)))
                .purpose(Purpose.SUPPORT_CONTACT)
                .legalBasis(LegalBasisClaim.consent("KV-GAVLE-2026-0001"))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .created(NOW.minus(Duration.ofMinutes(1)))
                .expires(NOW.plus(Duration.ofDays(14)));
    }

    /** A request for the header's first recipient. */
    static DecisionRequest request(NoticeHeader header, List<ConsentRecord> consents, List<RiskFlag> flags) {
        return new DecisionRequest(header, participant(header.sender()), participant(header.recipients().get(0)),
                consents, flags, NOW);
    }

    static RiskFlag activeFlag(String pseudonym, Instant until) {
        return new RiskFlag(pseudonym, ParticipantId.of("polisen.jonkoping"), until, "CONTACT_ENDANGERS_VICTIM",
                NOW.minus(Duration.ofDays(2)), null);
    }
}
