package se.samband.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;

class CertificateValidatorTest {
    static final Instant NOW = DevPkiTest.NOW;
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();
    static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.bollnas");
    static final ParticipantId RSA = ParticipantId.of("polisen.gavleborg");
    static final ParticipantId EXPIRED = ParticipantId.of("socialtjanst.jonkoping");
    static final ParticipantId NOT_YET_VALID = ParticipantId.of("socialtjanst.kungsbacka");
    static final ParticipantId REVOKED = ParticipantId.of("socialtjanst.varberg");
    static final ParticipantId SHORT_LIVED = ParticipantId.of("socialtjanst.hylte");

    static Federation federation;
    static DevPki.Result pki;
    static DevPki.Result otherPki;
    static TrustAnchors anchors;

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path otherDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void createPkis() {
        federation = DevPkiTest.demoFederation();
        pki = DevPki.init(federation, pkiDir, DevPki.Options.defaults().withClock(CLOCK)
                .withRsa(Set.of(RSA))
                .withValidity(EXPIRED, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofSeconds(1)))
                .withValidity(NOT_YET_VALID, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)))
                .withValidity(SHORT_LIVED, NOW, NOW.plus(Duration.ofMinutes(2))));
        DevPki.revoke(pkiDir, REVOKED, PASSWORD, CLOCK);
        anchors = TrustAnchors.load(pkiDir);
        // An independent CA for the same federation: same names, other keys.
        otherPki = DevPki.init(federation, otherDir, DevPki.Options.defaults().withClock(CLOCK));
    }

    static X509Certificate cert(ParticipantId id) {
        return pki.certificate(id);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SambandException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void loadsTheCaCertificateAndCrlFromThePkiDirectory() {
        assertThat(anchors.certificates()).containsExactly(pki.caCertificate());
        assertThat(anchors.crls()).hasSize(1);
        assertThat(anchors.crls().get(0).getRevokedCertificate(cert(REVOKED))).isNotNull();
    }

    @Test
    void acceptsAValidCertificateForEachUseItsKeyAllows() {
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        assertThatCode(() -> {
            validator.validate(cert(SOCIAL), KeyUse.SIGNING);
            validator.validate(cert(SOCIAL), KeyUse.ENCRYPTION);
            validator.validate(cert(SOCIAL), KeyUse.TLS_CLIENT);
            validator.validate(cert(RSA), KeyUse.SIGNING);
            validator.validate(cert(RSA), KeyUse.ENCRYPTION);
            validator.validate(cert(ParticipantId.HUB), KeyUse.TLS_SERVER);
            validator.validate(cert(ParticipantId.HUB), KeyUse.TLS_CLIENT);
        }).doesNotThrowAnyException();
    }

    @Test
    void acceptsAKeyStoreChainThatIncludesTheAnchor() {
        PrivateKeyAccess key = pki.keyAccess(SOCIAL, PASSWORD);
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        assertThatCode(() -> validator.validate(key.certificate(), key.chain().subList(1, key.chain().size()),
                KeyUse.SIGNING)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnExpiredCertificate() {
        assertRefused(() -> new CertificateValidator(anchors, CLOCK).validate(cert(EXPIRED), KeyUse.SIGNING),
                ErrorCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void rejectsACertificateThatIsNotValidYet() {
        assertRefused(() -> new CertificateValidator(anchors, CLOCK).validate(cert(NOT_YET_VALID), KeyUse.SIGNING),
                ErrorCode.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void rejectsARevokedCertificate() {
        assertRefused(() -> new CertificateValidator(anchors, CLOCK).validate(cert(REVOKED), KeyUse.SIGNING),
                ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void rejectsACertificateOfAnotherCaWithTheSameNames() {
        X509Certificate foreign = otherPki.certificate(SOCIAL);
        assertThat(foreign.getIssuerX500Principal()).isEqualTo(pki.caCertificate().getSubjectX500Principal());
        assertRefused(() -> new CertificateValidator(anchors, CLOCK).validate(foreign, KeyUse.SIGNING),
                ErrorCode.CERTIFICATE_UNTRUSTED);
        assertRefused(() -> new CertificateValidator(anchors, CLOCK).validate(foreign,
                List.of(otherPki.caCertificate()), KeyUse.SIGNING), ErrorCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void rejectsACertificateUsedForAPurposeItsKeyUsageDoesNotAllow() {
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        assertRefused(() -> validator.validate(cert(SOCIAL), KeyUse.TLS_SERVER), ErrorCode.CERTIFICATE_KEY_USAGE);
        assertRefused(() -> validator.validate(pki.caCertificate(), KeyUse.SIGNING), ErrorCode.CERTIFICATE_KEY_USAGE);
    }

    @Test
    void rejectsWhenTheIssuerHasNoCrl() {
        TrustAnchors withoutCrl = TrustAnchors.of(List.of(pki.caCertificate()), List.of());
        assertRefused(() -> new CertificateValidator(withoutCrl, CLOCK).validate(cert(SOCIAL), KeyUse.SIGNING),
                ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void rejectsWhenTheCrlIsPastItsNextUpdate() {
        Clock eightDaysLater = Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC);
        assertRefused(() -> new CertificateValidator(anchors, eightDaysLater).validate(cert(SOCIAL), KeyUse.SIGNING),
                ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void ignoresACrlThatTheIssuerDidNotSign() {
        // The other CA has the same name, so only the signature tells its CRL apart.
        TrustAnchors forgedCrl = TrustAnchors.of(List.of(pki.caCertificate()), otherAnchors().crls());
        assertRefused(() -> new CertificateValidator(forgedCrl, CLOCK).validate(cert(REVOKED), KeyUse.SIGNING),
                ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void refusesATrustDirectoryWithoutCaCertificate() throws Exception {
        Files.createDirectories(dir.resolve("ca"));
        assertRefused(() -> TrustAnchors.load(dir), ErrorCode.FEDERATION_INVALID);
        assertRefused(() -> TrustAnchors.of(List.of(cert(SOCIAL)), List.of()), ErrorCode.FEDERATION_INVALID);
    }

    @Test
    void answersARepeatedValidationFromTheCachePerUse() {
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        assertThat(validator.cacheHits()).isEqualTo(1);
        validator.validate(cert(SOCIAL), KeyUse.ENCRYPTION);
        assertThat(validator.cacheHits()).isEqualTo(1);
        assertRefused(() -> validator.validate(cert(SOCIAL), KeyUse.TLS_SERVER), ErrorCode.CERTIFICATE_KEY_USAGE);
    }

    @Test
    void doesNotCacheFailures() {
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        assertRefused(() -> validator.validate(cert(REVOKED), KeyUse.SIGNING), ErrorCode.CERTIFICATE_REVOKED);
        assertRefused(() -> validator.validate(cert(REVOKED), KeyUse.SIGNING), ErrorCode.CERTIFICATE_REVOKED);
        assertThat(validator.cacheHits()).isZero();
    }

    @Test
    void revalidatesWhenTheCacheTimeHasPassed() {
        MutableClock clock = new MutableClock(NOW);
        CertificateValidator validator = new CertificateValidator(anchors, clock, Duration.ofMinutes(5));
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        clock.set(NOW.plus(Duration.ofMinutes(4)));
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        assertThat(validator.cacheHits()).isEqualTo(1);
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        assertThat(validator.cacheHits()).isEqualTo(1);
    }

    @Test
    void cachedSuccessEndsWhenTheCertificateExpires() {
        MutableClock clock = new MutableClock(NOW);
        CertificateValidator validator = new CertificateValidator(anchors, clock);
        validator.validate(cert(SHORT_LIVED), KeyUse.SIGNING);
        clock.set(NOW.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertRefused(() -> validator.validate(cert(SHORT_LIVED), KeyUse.SIGNING), ErrorCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void cachedSuccessEndsWhenTheCrlGoesStale() {
        Instant beforeNextUpdate = NOW.plus(Duration.ofDays(7)).minusSeconds(30);
        MutableClock clock = new MutableClock(beforeNextUpdate);
        CertificateValidator validator = new CertificateValidator(anchors, clock);
        validator.validate(cert(SOCIAL), KeyUse.SIGNING);
        clock.set(beforeNextUpdate.plusSeconds(60));
        assertRefused(() -> validator.validate(cert(SOCIAL), KeyUse.SIGNING), ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void replacingTheTrustAnchorsDropsCachedSuccesses() {
        DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        X509Certificate social = Pem.readCertificate(new DevPki.Layout(dir).participantCertificate(SOCIAL));
        CertificateValidator validator = new CertificateValidator(TrustAnchors.load(dir), CLOCK);
        validator.validate(social, KeyUse.SIGNING);

        DevPki.revoke(dir, SOCIAL, PASSWORD, CLOCK);
        validator.validate(social, KeyUse.SIGNING);    // still the cached answer of the old snapshot
        assertThat(validator.cacheHits()).isEqualTo(1);
        validator.replaceTrustAnchors(TrustAnchors.load(dir));

        assertRefused(() -> validator.validate(social, KeyUse.SIGNING), ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void validatesConcurrently() throws Exception {
        CertificateValidator validator = new CertificateValidator(anchors, CLOCK);
        List<X509Certificate> good = List.of(cert(SOCIAL), cert(RSA), cert(ParticipantId.HUB));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ErrorCode>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                X509Certificate certificate = i % 4 == 3 ? cert(REVOKED) : good.get(i % 3);
                tasks.add(() -> {
                    try {
                        validator.validate(certificate, KeyUse.SIGNING);
                        return null;
                    } catch (SambandException e) {
                        return e.code();
                    }
                });
            }
            List<Future<ErrorCode>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 4 == 3 ? ErrorCode.CERTIFICATE_REVOKED : null);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(validator.cacheHits()).isGreaterThan(0);
    }

    @Test
    void namesTheParticipantInTheRefusalButNoOtherSubjectField() {
        assertThatThrownBy(() -> new CertificateValidator(anchors, CLOCK).validate(cert(REVOKED), KeyUse.SIGNING))
                .hasMessageContaining(REVOKED.value())
                .hasMessageContaining(cert(REVOKED).getSerialNumber().toString(16))
                .hasMessageNotContaining("Varberg kommun");
    }

    private static TrustAnchors otherAnchors() {
        return TrustAnchors.load(otherDir);
    }

    /** A clock the test moves by hand; validation reads it on every call. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
