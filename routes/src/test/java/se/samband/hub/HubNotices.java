package se.samband.hub;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

/** Seals and opens notices with the keys of a running hub's dev PKI, as agencies' connectors would. */
public final class HubNotices {
    public static final ParticipantId POLICE_GAVLEBORG = ParticipantId.of("polisen.gavleborg");
    public static final ParticipantId POLICE_JONKOPING = ParticipantId.of("polisen.jonkoping");
    public static final ParticipantId SOC_BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    public static final ParticipantId SOC_JONKOPING = ParticipantId.of("socialtjanst.jonkoping");
    public static final ParticipantId FRIVARD = ParticipantId.of("kriminalvarden.frivard-gavle");

    private final DevPki.Layout pki;
    private final Map<ParticipantId, NoticeSealer> sealers = new ConcurrentHashMap<>();

    public HubNotices(Path pkiDir) {
        this.pki = new DevPki.Layout(pkiDir);
    }

    /** A child-concern report from {@code sender} on the duty to report (no consent needed), created now. */
    public static NoticeHeader.Builder childConcern(ParticipantId sender, ParticipantId... recipients) {
        return childConcern(sender, pseudonym("perpetrator"), recipients);
    }

    /** As {@link #childConcern(ParticipantId, ParticipantId...)} about a given child pseudonym. */
    public static NoticeHeader.Builder childConcern(ParticipantId sender, String childPseudonym,
                                                   ParticipantId... recipients) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return NoticeHeader.builder()
                .type(NoticeType.CHILD_CONCERN_REPORT)
                .sender(sender)
                .recipients(List.of(recipients))
                .subjects(List.of(new Subject(pseudonym("perpetrator"), SubjectRole.PERPETRATOR, false),
                        new Subject(childPseudonym, SubjectRole.CHILD, false)))
                .purpose(Purpose.CHILD_PROTECTION)
                .legalBasis(LegalBasisClaim.of(LegalBasisCode.DUTY_CHILD_CONCERN))
                .dataCategories(Set.of(DataCategory.CHILD_WELFARE, DataCategory.HOUSEHOLD))
                .created(now)
                .expires(now.plus(1, ChronoUnit.DAYS));
    }

    /**
     * A release notice from the Prison and Probation Service citing consent {@code consentId}, created now: held
     * (AWAITING_CONSENT) until that consent is registered.
     */
    public static NoticeHeader.Builder releaseNotice(ParticipantId sender, ParticipantId recipient, String subject,
                                                     String consentId) {
        return onConsent(NoticeType.RELEASE_CONTACT_CONSENT, sender, recipient, subject, consentId,
                Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS));
    }

    /**
     * The police's offer of support after an interview about perpetrator {@code subject}, citing consent
     * {@code consentId}, created now (contact details and household).
     */
    public static NoticeHeader.Builder supportOffer(ParticipantId sender, ParticipantId recipient, String subject,
                                                    String consentId) {
        return onConsent(NoticeType.POST_INTERVIEW_SUPPORT_OFFER, sender, recipient, subject, consentId,
                Set.of(DataCategory.CONTACT_DETAILS, DataCategory.HOUSEHOLD));
    }

    /** A receipt (RECEIVED, ACCEPTED, DECLINED) from {@code sender} to {@code to} answering {@code inReplyTo}, now. */
    public static NoticeHeader.Builder receipt(ParticipantId sender, NoticeType type, UUID inReplyTo,
                                               ParticipantId to) {
        return NoticeHeader.builder()
                .type(type)
                .sender(sender)
                .recipients(List.of(to))
                .purpose(Purpose.SERVICE)
                .created(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .inReplyTo(inReplyTo);
    }

    /** A payload that only marks the notice apart from others: no personal data. */
    public static byte[] markerPayload() {
        return ("{\"marker\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A notice for support contact about perpetrator {@code subject} on a consent, valid for seven days. */
    private static NoticeHeader.Builder onConsent(NoticeType type, ParticipantId sender, ParticipantId recipient,
                                                  String subject, String consentId, Set<DataCategory> categories) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return NoticeHeader.builder()
                .type(type)
                .sender(sender)
                .recipients(List.of(recipient))
                .subjects(List.of(new Subject(subject, SubjectRole.PERPETRATOR, false)))
                .purpose(Purpose.SUPPORT_CONTACT)
                .legalBasis(LegalBasisClaim.consent(consentId))
                .dataCategories(categories)
                .created(now)
                .expires(now.plus(7, ChronoUnit.DAYS));
    }

    /** The container bytes, signed by the header's sender and encrypted for the header's recipients. */
    public byte[] seal(NoticeHeader header, byte[] payload) {
        return sealAs(header.sender(), header, payload);
    }

    /** Signed by {@code signer}, whoever the header names as sender. */
    public byte[] sealAs(ParticipantId signer, NoticeHeader header, byte[] payload) {
        NoticeSealer sealer = sealers.computeIfAbsent(signer,
                id -> Sealing.sealer(key(id), NoticeJson.strict(), Clock.systemUTC()));
        List<X509Certificate> recipients = header.recipients().stream().map(this::certificate).toList();
        return NoticeJson.strict().writeContainer(sealer.seal(header, payload, recipients));
    }

    /** Signed by the header's sender, encrypted for these participants' keys whatever the header names. */
    public byte[] sealFor(NoticeHeader header, byte[] payload, List<ParticipantId> encryptFor) {
        NoticeSealer sealer = sealers.computeIfAbsent(header.sender(),
                id -> Sealing.sealer(key(id), NoticeJson.strict(), Clock.systemUTC()));
        return NoticeJson.strict().writeContainer(sealer.seal(header, payload,
                encryptFor.stream().map(this::certificate).toList()));
    }

    public OpenedNotice open(byte[] container, ParticipantId recipient) {
        return Sealing.opener().open(NoticeJson.strict().readContainer(container), key(recipient));
    }

    public Pkcs12KeyStore key(ParticipantId id) {
        return Pkcs12KeyStore.load(pki.participantKeyStore(id), DevPki.DEFAULT_PASSWORD.toCharArray(), id.value());
    }

    public X509Certificate certificate(ParticipantId id) {
        return Pem.readCertificate(pki.participantCertificate(id));
    }

    public static String pseudonym(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "ps1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
