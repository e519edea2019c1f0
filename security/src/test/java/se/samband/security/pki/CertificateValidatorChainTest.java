package se.samband.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.internal.CertificateMinting;
import se.samband.security.pki.internal.CertificateMinting.LeafProfile;
import se.samband.security.pki.internal.CertificateMinting.Revocation;

/** A root → intermediate → leaf hierarchy, as production CAs have (DevPki issues from the root only). */
class CertificateValidatorChainTest {
    static final Instant NOW = DevPkiTest.NOW;
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final int KEY_COMPROMISE = CRLReason.KEY_COMPROMISE.ordinal();

    @TempDir
    static Path dir;

    static X509Certificate root;
    static PrivateKey rootKey;
    static X509Certificate intermediate;
    static PrivateKey intermediateKey;
    static X509Certificate leaf;
    static X509CRL rootCrl;
    static X509CRL intermediateCrl;

    @BeforeAll
    static void createHierarchy() throws Exception {
        DevPki.init(DevPkiTest.demoFederation(), dir, DevPki.Options.defaults().withClock(CLOCK));
        DevPki.Layout layout = new DevPki.Layout(dir);
        Pkcs12KeyStore ca = Pkcs12KeyStore.load(layout.caKeyStore(), DevPki.DEFAULT_PASSWORD.toCharArray(),
                "federation-ca");
        root = ca.certificate();
        rootKey = ca.privateKey();
        rootCrl = Pem.readCrl(layout.crl());

        KeyPair intermediateKeys = ecKeys();
        intermediateKey = intermediateKeys.getPrivate();
        intermediate = CertificateMinting.subordinateCa("Samband issuing CA 1", "Samband", intermediateKeys.getPublic(),
                root, rootKey, NOW, NOW.plus(Duration.ofDays(365)));
        leaf = CertificateMinting.leaf(new LeafProfile("socialtjanst.bollnas", "Bollnäs kommun", ecKeys().getPublic(),
                NOW, NOW.plus(Duration.ofDays(30)), List.of("urn:samband:participant:socialtjanst.bollnas"),
                List.of(), List.of(), true, false), intermediate, intermediateKey);
        intermediateCrl = crl(intermediate, intermediateKey, List.of());
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static X509CRL crl(X509Certificate issuer, PrivateKey key, List<Revocation> revoked) {
        return CertificateMinting.crl(issuer, key, NOW, NOW.plus(Duration.ofDays(1)), BigInteger.TEN, revoked);
    }

    static CertificateValidator validator(List<X509CRL> crls) {
        return new CertificateValidator(TrustAnchors.of(List.of(root), crls), CLOCK);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SambandException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsALeafUnderAnIntermediateWhenBothIssuersHaveCurrentCrls() {
        CertificateValidator validator = validator(List.of(rootCrl, intermediateCrl));
        assertThatCode(() -> validator.validate(leaf, List.of(intermediate), KeyUse.SIGNING))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(leaf, List.of(intermediate, root), KeyUse.ENCRYPTION))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsALeafWhoseIntermediateIsNotGiven() {
        assertRefused(() -> validator(List.of(rootCrl, intermediateCrl)).validate(leaf, KeyUse.SIGNING),
                ErrorCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void rejectsWhenTheIntermediateHasNoCrl() {
        assertRefused(() -> validator(List.of(rootCrl)).validate(leaf, List.of(intermediate), KeyUse.SIGNING),
                ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void rejectsALeafUnderARevokedIntermediate() {
        X509CRL revokesIntermediate = crl(root, rootKey,
                List.of(new Revocation(intermediate.getSerialNumber(), NOW, KEY_COMPROMISE)));
        assertRefused(() -> validator(List.of(revokesIntermediate, intermediateCrl))
                .validate(leaf, List.of(intermediate), KeyUse.SIGNING), ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void rejectsALeafRevokedByTheIntermediate() {
        X509CRL revokesLeaf = crl(intermediate, intermediateKey,
                List.of(new Revocation(leaf.getSerialNumber(), NOW, KEY_COMPROMISE)));
        assertRefused(() -> validator(List.of(rootCrl, revokesLeaf))
                .validate(leaf, List.of(intermediate), KeyUse.SIGNING), ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void ignoresAnIntermediateCrlSignedByTheRoot() {
        // Right issuer name, wrong key: the root may not speak for the intermediate's certificates.
        X509CRL wrongSigner = CertificateMinting.crl(intermediate, rootKey, NOW, NOW.plus(Duration.ofDays(1)),
                BigInteger.ONE, List.of());
        assertRefused(() -> validator(List.of(rootCrl, wrongSigner))
                .validate(leaf, List.of(intermediate), KeyUse.SIGNING), ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void toleratesACrlFromACaWhoseClockRunsUpToFiveMinutesAhead() {
        X509CRL slightlyAhead = CertificateMinting.crl(root, rootKey, NOW.plus(Duration.ofMinutes(4)),
                NOW.plus(Duration.ofDays(1)), BigInteger.TWO, List.of());
        X509CRL farAhead = CertificateMinting.crl(root, rootKey, NOW.plus(Duration.ofMinutes(6)),
                NOW.plus(Duration.ofDays(1)), BigInteger.TWO, List.of());

        assertThatCode(() -> validator(List.of(slightlyAhead, intermediateCrl))
                .validate(leaf, List.of(intermediate), KeyUse.SIGNING)).doesNotThrowAnyException();
        assertRefused(() -> validator(List.of(farAhead, intermediateCrl))
                .validate(leaf, List.of(intermediate), KeyUse.SIGNING), ErrorCode.CRL_UNAVAILABLE);
    }
}
