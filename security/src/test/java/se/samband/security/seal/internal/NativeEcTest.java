package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

/**
 * The native (BoringSSL) EC path: it loads on the machines Samband runs on, its signatures are ordinary CMS that
 * Bouncy Castle verifies, it verifies Bouncy Castle's, and a tampered signature is refused the same way.
 */
class NativeEcTest {
    private static final ParticipantId EC_SIGNER = ParticipantId.of("kriminalvarden.frivard-gavle");
    private static final ParticipantId RSA_SIGNER = ParticipantId.of("polisen.gavleborg");
    private static final byte[] CONTENT = "{\"note\":\"ids and codes only\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static DevPki.Result pki;

    @BeforeAll
    static void createPki() {
        pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults().withRsa(Set.of(RSA_SIGNER)));
    }

    /** Conscrypt ships BoringSSL for linux-x86_64: on such a machine a missing provider is a packaging fault. */
    @Test
    void loadsOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "not linux-x86_64");
        assumeTrue(!"false".equalsIgnoreCase(System.getProperty(NativeEc.PROPERTY)), "turned off");

        assertThat(NativeEc.provider()).isPresent();
        assertThat(NativeEc.description()).startsWith("BoringSSL");
    }

    @Test
    void nativeSignaturesAreCmsThatBouncyCastleVerifies() throws Exception {
        assumeTrue(NativeEc.provider().isPresent(), "no native EC provider here");
        byte[] signedData = signer(EC_SIGNER).signDetached(CONTENT);
        PrivateKey nativeKey = NativeEc.privateKey(pki.keyAccess(EC_SIGNER,
                DevPki.DEFAULT_PASSWORD.toCharArray()).privateKey()).orElseThrow();
        KnownSigner bcOnly = KnownSigner.of(holder(EC_SIGNER), Providers.BC);

        assertThat(nativeKey.getClass().getName()).startsWith("org.conscrypt");
        assertThat(signerInfo(signedData).verify(bcOnly.verifier())).isTrue();
    }

    @Test
    void verifiesBouncyCastleSignaturesNativelyAndRefusesTamperedOnes() throws Exception {
        assumeTrue(NativeEc.provider().isPresent(), "no native EC provider here");
        Signature bc = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), Providers.BC);
        bc.initSign(BouncyCastleProvider.getPrivateKey(org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                pki.keyAccess(EC_SIGNER, DevPki.DEFAULT_PASSWORD.toCharArray()).privateKey().getEncoded())));
        bc.update(CONTENT);
        byte[] bcSignature = bc.sign();
        Provider nativeProvider = NativeEc.provider().orElseThrow();
        Signature verify = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), nativeProvider);
        verify.initVerify(NativeEc.publicKey(holder(EC_SIGNER).getSubjectPublicKeyInfo().getEncoded()).orElseThrow());
        verify.update(CONTENT);
        assertThat(verify.verify(bcSignature)).isTrue();

        byte[] signedData = signer(EC_SIGNER).signDetached(CONTENT);
        byte[] value = signerInfo(signedData).getSignature();
        byte[] altered = signedData.clone();
        altered[indexOf(altered, value) + value.length - 1] ^= 0x01;
        SignedDataVerifier verifier = new SignedDataVerifier(new SignerCache(8));
        assertThat(verifier.verifyDetached(CONTENT, signedData)).isEqualTo(pki.certificate(EC_SIGNER));
        assertThatThrownBy(() -> verifier.verifyDetached(CONTENT, altered))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    @Test
    void leavesRsaKeysToBouncyCastle() throws Exception {
        PrivateKey rsa = pki.keyAccess(RSA_SIGNER, DevPki.DEFAULT_PASSWORD.toCharArray()).privateKey();

        assertThat(NativeEc.privateKey(rsa)).isEmpty();
        assertThat(NativeEc.publicKey(holder(RSA_SIGNER).getSubjectPublicKeyInfo().getEncoded())).isEmpty();
        byte[] signedData = signer(RSA_SIGNER).signDetached(CONTENT);
        assertThat(new SignedDataVerifier(new SignerCache(8)).verifyDetached(CONTENT, signedData))
                .isEqualTo(pki.certificate(RSA_SIGNER));
    }

    private static CmsSigner signer(ParticipantId id) {
        return new CmsSigner(pki.keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray()), Clock.systemUTC());
    }

    private static X509CertificateHolder holder(ParticipantId id) throws Exception {
        return new X509CertificateHolder(pki.certificate(id).getEncoded());
    }

    private static SignerInformation signerInfo(byte[] detachedSignedData) throws Exception {
        CMSSignedData parsed = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(CONTENT),
                detachedSignedData);
        return parsed.getSignerInfos().getSigners().iterator().next();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
