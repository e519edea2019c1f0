package se.samband.hub.pipeline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samband.hub.HubNotices;
import se.samband.hub.TestSupport;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.SealedNotice;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.pki.TrustAnchors;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.Sealing;

/**
 * The demo federation with a development PKI made once per test JVM under target/, a fixed clock (a Tuesday),
 * and real sealed notices from its participants. Keys and certificates are generated, never committed.
 */
public final class PipelineFixture {
    /** Tuesday 24 November 2026, 10:00 in Sweden. */
    public static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final ParticipantId FRIVARD = ParticipantId.of("kriminalvarden.frivard-gavle");
    public static final ParticipantId POLICE = ParticipantId.of("polisen.gavleborg");
    public static final ParticipantId SOC_BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    public static final ParticipantId SOC_JONKOPING = ParticipantId.of("socialtjanst.jonkoping");
    public static final ParticipantId SOC_SKOVDE = ParticipantId.of("socialtjanst.skovde");
    public static final ParticipantId PSYCHIATRY = ParticipantId.of("region.gavleborg-psykiatri");
    public static final ParticipantId PROSECUTOR = ParticipantId.of("aklagare.aklagarmyndigheten");

    public static final String PERPETRATOR = pseudonym("the perpetrator");
    public static final String CHILD = pseudonym("the child");

    private static volatile PipelineFixture shared;

    private final Federation federation;
    private final DevPki.Result pki;
    private volatile TestTrust trust;
    private final Map<ParticipantId, NoticeSealer> sealers = new ConcurrentHashMap<>();

    private PipelineFixture(Path dir) {
        this.federation = TestSupport.demoFederation();
        this.pki = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        this.trust = new TestTrust(pki, CLOCK);
    }

    /** One PKI for every pipeline test in this JVM: generating keys costs time on two cores. */
    public static PipelineFixture shared() {
        PipelineFixture current = shared;
        if (current == null) {
            synchronized (PipelineFixture.class) {
                current = shared;
                if (current == null) {
                    current = new PipelineFixture(TestSupport.newDataDir("pipeline-pki"));
                    shared = current;
                }
            }
        }
        return current;
    }

    /** A PKI of its own (another CA) for the same federation: its signatures are untrusted by {@link #trust()}. */
    public static PipelineFixture foreign() {
        return new PipelineFixture(TestSupport.newDataDir("foreign-pki"));
    }

    public Federation federation() {
        return federation;
    }

    public FederationTrust trust() {
        return trust;
    }

    /** The same trust material judged at another time, e.g. after the CRL's nextUpdate. */
    public FederationTrust trustAt(Clock clock) {
        return new TestTrust(pki, clock);
    }

    /** Revokes a participant's certificate on this fixture's CA and reloads the trust material. */
    public void revoke(ParticipantId id) {
        DevPki.revoke(pki.layout().dir(), id, DevPki.DEFAULT_PASSWORD.toCharArray(), CLOCK);
        trust = new TestTrust(pki, CLOCK);
    }

    public DevPki.Result pki() {
        return pki;
    }

    public PrivateKeyAccess key(ParticipantId id) {
        return pki.keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray());
    }

    /** The demo federation without one participant, as if it had been removed from federation.yaml. */
    public static Federation federationWithout(ParticipantId removed) {
        String yaml = new String(TestSupport.demoFederationBytes(), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?m)^  - id: " + Pattern.quote(removed.value()) + "\\n(?:    .*\\n)*")
                .matcher(yaml);
        if (!block.find()) {
            throw new IllegalArgumentException("no participant block for " + removed);
        }
        String edited = yaml.substring(0, block.start()) + yaml.substring(block.end());
        return new FederationLoader().load(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)),
                "demo without " + removed);
    }

    /** A case notice header from {@code sender} about the perpetrator, created now, expiring in a day. */
    public static NoticeHeader.Builder caseNotice(ParticipantId sender, NoticeType type, LegalBasisClaim basis,
                                                  Purpose purpose, Set<DataCategory> categories,
                                                  ParticipantId... recipients) {
        return NoticeHeader.builder()
                .type(type)
                .sender(sender)
                .recipients(List.of(recipients))
                .subjects(List.of(new Subject(PERPETRATOR, SubjectRole.PERPETRATOR, false)))
                .purpose(purpose)
                .legalBasis(basis)
                .dataCategories(categories)
                .created(NOW)
                .expires(NOW.plusSeconds(86_400));
    }

    /** Police report concern for a child to Bollnäs social services, on the duty to report. */
    public static NoticeHeader.Builder childConcern(ParticipantId... recipients) {
        return caseNotice(POLICE, NoticeType.CHILD_CONCERN_REPORT, LegalBasisClaim.of(
                        se.samband.notice.LegalBasisCode.DUTY_CHILD_CONCERN), Purpose.CHILD_PROTECTION,
                Set.of(DataCategory.CHILD_WELFARE, DataCategory.HOUSEHOLD), recipients)
                .subjects(List.of(new Subject(PERPETRATOR, SubjectRole.PERPETRATOR, false),
                        new Subject(CHILD, SubjectRole.CHILD, false)));
    }

    /** A receipt (RECEIVED, ACCEPTED, DECLINED) from {@code sender} answering {@code inReplyTo}, on the fixed clock. */
    public static NoticeHeader.Builder receipt(ParticipantId sender, NoticeType type, java.util.UUID inReplyTo,
                                               ParticipantId to) {
        return HubNotices.receipt(sender, type, inReplyTo, to).created(NOW);
    }

    /** Seals with the header sender's key for the header's recipients; the payload is a marker, not real data. */
    public SealedNotice sealNotice(NoticeHeader header) {
        return sealAs(header.sender(), header);
    }

    /** Seals with {@code signer}'s key, whoever the header names as sender. */
    public SealedNotice sealAs(ParticipantId signer, NoticeHeader header) {
        NoticeSealer sealer = sealers.computeIfAbsent(signer,
                id -> Sealing.sealer(key(id), NoticeJson.strict(), CLOCK));
        List<X509Certificate> recipients = header.recipients().stream()
                .map(id -> trust.certificateOf(id).orElseGet(() -> trust.certificateOf(FRIVARD).orElseThrow()))
                .toList();
        return sealer.seal(header, "{\"test\":\"payload\"}".getBytes(StandardCharsets.UTF_8), recipients);
    }

    public byte[] seal(NoticeHeader header) {
        return NoticeJson.strict().writeContainer(sealNotice(header));
    }

    public static byte[] container(SealedNotice notice) {
        return NoticeJson.strict().writeContainer(notice);
    }

    /** A well-formed pseudonym: ps1: + base64url of a SHA-256. */
    public static String pseudonym(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "ps1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub's trust material read from a DevPki directory, as the transport feature provides it in the hub. */
    static final class TestTrust implements FederationTrust {
        private final PrivateKeyAccess hubKey;
        private final CertificateValidator validator;
        private final Map<ParticipantId, X509Certificate> certificates = new ConcurrentHashMap<>();
        private final DevPki.Result pki;

        TestTrust(DevPki.Result pki, Clock clock) {
            this.pki = pki;
            this.hubKey = pki.keyAccess(ParticipantId.HUB, DevPki.DEFAULT_PASSWORD.toCharArray());
            this.validator = new CertificateValidator(TrustAnchors.load(pki.layout().dir()), clock);
        }

        @Override
        public PrivateKeyAccess hubKey() {
            return hubKey;
        }

        @Override
        public CertificateValidator validator() {
            return validator;
        }

        @Override
        public Optional<X509Certificate> certificateOf(ParticipantId participant) {
            if (!java.nio.file.Files.exists(pki.layout().participantCertificate(participant))) {
                return Optional.empty();
            }
            return Optional.of(certificates.computeIfAbsent(participant, pki::certificate));
        }
    }

    /** Copies of a byte array with one byte changed, for tampering tests. */
    public static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[index] ^= 0x01;
        return copy;
    }
}
