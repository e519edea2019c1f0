package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.seal.internal.InternalTestPki.bcPublicKey;
import static se.samband.security.seal.internal.InternalTestPki.holder;
import static se.samband.security.seal.internal.InternalTestPki.indexOf;
import static se.samband.security.seal.internal.InternalTestPki.signer;
import static se.samband.security.seal.internal.InternalTestPki.signerInfo;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.DevPki;

/**
 * A CMS verification with an EC signer runs one ECDSA verification, counted through a provider that wraps BC's
 * signatures, and still refuses altered content (BC checks the message-digest attribute) and altered signatures.
 */
class SingleSignatureVerifierProviderTest {
    private static final ParticipantId EC_SIGNER = InternalTestPki.EC_SIGNER;
    private static final ParticipantId RSA_SIGNER = InternalTestPki.RSA_SIGNER;
    private static final byte[] CONTENT = "{\"note\":\"ids and codes only\"}".getBytes(StandardCharsets.UTF_8);

    private static final DevPki.Result pki = InternalTestPki.pki();

    @Test
    void aCmsVerificationWithAnEcSignerRunsOneEcdsaVerification() throws Exception {
        CountingProvider counting = new CountingProvider();
        SignerInformation detached = signerInfo(signer(EC_SIGNER).signDetached(CONTENT), CONTENT);
        SignerInformation encapsulated = signerInfo(signer(EC_SIGNER).signEncapsulated(CONTENT), null);
        KnownSigner known = KnownSigner.of(holder(EC_SIGNER), counting);

        assertThat(detached.verify(known.verifier())).isTrue();
        assertThat(counting.verifications.getAndSet(0)).isEqualTo(1);
        assertThat(encapsulated.verify(known.verifier())).isTrue();
        assertThat(counting.verifications.get()).isEqualTo(1);
    }

    /** Why the class exists, and proof that the counter sees BC's second, raw verification when there is one. */
    @Test
    void bcsOwnEcdsaVerifierRunsTwoEcdsaVerifications() throws Exception {
        CountingProvider counting = new CountingProvider();
        SignerInformation detached = signerInfo(signer(EC_SIGNER).signDetached(CONTENT), CONTENT);
        PublicKey key = bcPublicKey(EC_SIGNER);
        SignerInformationVerifier bcVerifier = new SignerInformationVerifier(
                new DefaultCMSSignatureAlgorithmNameGenerator(), new DefaultSignatureAlgorithmIdentifierFinder(),
                new JcaContentVerifierProviderBuilder().setProvider(counting).build(key),
                new JcaDigestCalculatorProviderBuilder().setProvider(Providers.JDK_DIGEST).build());

        assertThat(detached.verify(bcVerifier)).isTrue();
        assertThat(counting.verifications.get()).isEqualTo(2);
    }

    @Test
    void refusesAnyAlgorithmButEcdsaWithSha256() throws Exception {
        PublicKey key = bcPublicKey(EC_SIGNER);
        SingleSignatureVerifierProvider verifiers = new SingleSignatureVerifierProvider(key, Providers.BC);

        assertThat(verifiers.get(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256))).isNotNull();
        assertThatThrownBy(() -> verifiers.get(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384)))
                .isInstanceOf(OperatorCreationException.class);
        assertThatThrownBy(() -> verifiers.get(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA1)))
                .isInstanceOf(OperatorCreationException.class);
    }

    @Test
    void refusesEncapsulatedContentThatWasAltered() throws Exception {
        byte[] signed = signer(EC_SIGNER).signEncapsulated(CONTENT);
        byte[] altered = signed.clone();
        altered[indexOf(altered, CONTENT) + 3] ^= 0x01;
        SignedDataVerifier verifier = new SignedDataVerifier(new SignerCache(8));

        assertThat(verifier.verifyEncapsulated(signed).content()).isEqualTo(CONTENT);
        assertThatThrownBy(() -> verifier.verifyEncapsulated(altered))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_SIGNATURE_INVALID))
                .hasCauseInstanceOf(CMSSignerDigestMismatchException.class);
    }

    @Test
    void refusesDetachedContentThatWasAltered() throws Exception {
        byte[] signature = signer(EC_SIGNER).signDetached(CONTENT);
        byte[] altered = CONTENT.clone();
        altered[altered.length - 2] ^= 0x01;
        SignedDataVerifier verifier = new SignedDataVerifier(new SignerCache(8));

        assertThat(verifier.verifyDetached(CONTENT, signature)).isEqualTo(pki.certificate(EC_SIGNER));
        assertThatThrownBy(() -> verifier.verifyDetached(altered, signature))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID))
                .hasCauseInstanceOf(CMSSignerDigestMismatchException.class);
    }

    @Test
    void refusesSignatureBytesThatWereAltered() throws Exception {
        for (ParticipantId signerId : List.of(EC_SIGNER, RSA_SIGNER)) {
            byte[] signature = signer(signerId).signDetached(CONTENT);
            byte[] signatureValue = signerInfo(signature, CONTENT).getSignature();
            byte[] altered = signature.clone();
            // The last byte of the signature value: for ECDSA the end of s, so the DER still parses.
            altered[indexOf(altered, signatureValue) + signatureValue.length - 1] ^= 0x01;
            SignedDataVerifier verifier = new SignedDataVerifier(new SignerCache(8));

            assertThat(verifier.verifyDetached(CONTENT, signature)).isEqualTo(pki.certificate(signerId));
            assertThatThrownBy(() -> verifier.verifyDetached(CONTENT, altered))
                    .as(signerId.value())
                    .isInstanceOfSatisfying(SambandException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID))
                    .hasRootCauseMessage("signature does not verify");
        }
    }

    /** Offers BC's ECDSA signatures (hashed and raw) and counts how often a signature is verified. */
    private static final class CountingProvider extends Provider {
        final AtomicInteger verifications = new AtomicInteger();

        CountingProvider() {
            super("CountingEcdsa", "1", "BC's ECDSA, verifications counted");
            for (String algorithm : List.of("SHA256withECDSA", "NONEwithECDSA")) {
                putService(new Service(this, "Signature", algorithm, CountingSignature.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                        return new CountingSignature(Signature.getInstance(getAlgorithm(), Providers.BC),
                                verifications);
                    }
                });
            }
        }
    }

    private static final class CountingSignature extends SignatureSpi {
        private final Signature delegate;
        private final AtomicInteger verifications;

        CountingSignature(Signature delegate, AtomicInteger verifications) {
            this.delegate = delegate;
            this.verifications = verifications;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            delegate.initVerify(publicKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) {
            throw new UnsupportedOperationException("verification only");
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() {
            throw new UnsupportedOperationException("verification only");
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            verifications.incrementAndGet();
            return delegate.verify(sigBytes);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
