package se.samband.security.seal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

/**
 * The demo federation's development PKI for the signature tests of this package, made once per test JVM in a
 * temporary directory: {@link #EC_SIGNER} has an EC P-256 key, {@link #RSA_SIGNER} an RSA key. Plus the helpers those
 * tests share for looking into a SignedData.
 */
final class InternalTestPki {
    static final ParticipantId EC_SIGNER = ParticipantId.of("kriminalvarden.frivard-gavle");
    static final ParticipantId RSA_SIGNER = ParticipantId.of("polisen.gavleborg");
    private static DevPki.Result shared;

    private InternalTestPki() {
    }

    static synchronized DevPki.Result pki() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("samband-internal-pki-");
                dir.toFile().deleteOnExit();
                shared = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                        DevPki.Options.defaults().withRsa(Set.of(RSA_SIGNER)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static CmsSigner signer(ParticipantId id) {
        return new CmsSigner(pki().keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray()), Clock.systemUTC());
    }

    static X509CertificateHolder holder(ParticipantId id) throws Exception {
        return new X509CertificateHolder(pki().certificate(id).getEncoded());
    }

    /**
     * The certificate's public key as Bouncy Castle's object, made through BC's key factory:
     * {@code BouncyCastleProvider.getPublicKey} answers null until some BouncyCastleProvider has been constructed in
     * the JVM, which made the tests that used it depend on which test ran first.
     */
    static PublicKey bcPublicKey(ParticipantId id) throws Exception {
        return KeyFactory.getInstance("EC", Providers.BC)
                .generatePublic(new X509EncodedKeySpec(holder(id).getSubjectPublicKeyInfo().getEncoded()));
    }

    /** The one SignerInfo of {@code signedData}; {@code detachedContent} null for an encapsulating SignedData. */
    static SignerInformation signerInfo(byte[] signedData, byte[] detachedContent) throws Exception {
        CMSSignedData parsed = detachedContent == null ? new CMSSignedData(signedData)
                : new CMSSignedData(new CMSProcessableByteArray(detachedContent), signedData);
        return parsed.getSignerInfos().getSigners().iterator().next();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
