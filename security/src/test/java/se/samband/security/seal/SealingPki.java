package se.samband.security.seal;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * The demo federation's development PKI in a test's temporary directory, with two RSA participants so
 * that RSA-PSS signing and RSA-OAEP recipients are exercised next to the EC default.
 */
final class SealingPki {
    static final ParticipantId FRIVARD = ParticipantId.of("kriminalvarden.frivard-gavle");
    static final ParticipantId POLICE = ParticipantId.of("polisen.gavleborg");
    static final ParticipantId SOCIAL_SERVICES = ParticipantId.of("socialtjanst.bollnas");
    static final ParticipantId PSYCHIATRY = ParticipantId.of("region.gavleborg-psykiatri");
    static final ParticipantId HEALTH_CENTRE = ParticipantId.of("region.bollnas-halsocentral");
    static final ParticipantId OUTSIDER = ParticipantId.of("socialtjanst.jonkoping");
    /** RSA-3072 keys; everyone else has EC P-256. */
    static final Set<ParticipantId> RSA = Set.of(POLICE, PSYCHIATRY);

    private final DevPki.Result pki;

    SealingPki(Path dir) {
        this.pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults().withRsa(RSA));
    }

    DevPki.Result result() {
        return pki;
    }

    PrivateKeyAccess key(ParticipantId id) {
        return pki.keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray());
    }

    X509Certificate certificate(ParticipantId id) {
        return pki.certificate(id);
    }

    List<X509Certificate> certificates(ParticipantId... ids) {
        return Arrays.stream(ids).map(this::certificate).toList();
    }

    Path caCertificateFile() {
        return pki.layout().caCertificate();
    }

    /** {@code owner}'s certificate with {@code keyOf}'s private key: the right address, the wrong key. */
    PrivateKeyAccess certificateWithKeyOf(ParticipantId owner, ParticipantId keyOf) {
        X509Certificate certificate = certificate(owner);
        PrivateKey wrong = key(keyOf).privateKey();
        return new PrivateKeyAccess() {
            @Override
            public PrivateKey privateKey() {
                return wrong;
            }

            @Override
            public X509Certificate certificate() {
                return certificate;
            }

            @Override
            public List<X509Certificate> chain() {
                return List.of(certificate);
            }
        };
    }

    /** A header as a connector would write it, before sealing (no body digest yet). */
    static NoticeHeader header(ParticipantId sender, ParticipantId... recipients) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return NoticeHeader.builder()
                .type(NoticeType.RELEASE_CONTACT_CONSENT)
                .sender(sender)
                .recipients(List.of(recipients))
                .subjects(List.of(new Subject("ps1:" + "A".repeat(42) + "E", SubjectRole.PERPETRATOR, false)))
                .purpose(Purpose.SUPPORT_CONTACT)
                .legalBasis(LegalBasisClaim.consent("c-2026-0042"))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .created(created)
                .expires(created.plus(Duration.ofDays(30)))
                .build();
    }
}
