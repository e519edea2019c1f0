package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.samband.security.seal.internal.InternalTestPki.holder;
import static se.samband.security.seal.internal.InternalTestPki.indexOf;
import static se.samband.security.seal.internal.InternalTestPki.signer;
import static se.samband.security.seal.internal.InternalTestPki.signerInfo;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.DevPki;

/**
 * The native (BoringSSL) EC path: it loads on the machines Samband runs on, its signatures are ordinary CMS that
 * Bouncy Castle verifies, it verifies Bouncy Castle's, and a tampered signature is refused the same way.
 */
class NativeEcTest {
    private static final ParticipantId EC_SIGNER = InternalTestPki.EC_SIGNER;
    private static final ParticipantId RSA_SIGNER = InternalTestPki.RSA_SIGNER;
    private static final byte[] CONTENT = "{\"note\":\"ids and codes only\"}".getBytes(StandardCharsets.UTF_8);

    private static final DevPki.Result pki = InternalTestPki.pki();

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
        assertThat(signerInfo(signedData, CONTENT).verify(bcOnly.verifier())).isTrue();
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
        byte[] value = signerInfo(signedData, CONTENT).getSignature();
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
}
