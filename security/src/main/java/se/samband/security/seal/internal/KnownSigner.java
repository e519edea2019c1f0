package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What verifying a signer's signatures needs, built once per certificate: the JCA certificate handed to
 * callers, the key converted once, and a verifier that checks signatures natively where it can ({@link NativeEc},
 * EC keys) or with BC, and digests with the JDK.
 * The verifier is built from the public key, not the certificate, so BC does not judge validity against
 * the claimed signing time: validity is the caller's job, with the hub's clock. EC keys get a verifier that runs
 * one ECDSA verification per signature ({@link SingleSignatureVerifierProvider}); RSA keys keep BC's builder, which
 * takes the RSASSA-PSS parameters from the algorithm identifier (and RSA verification is cheap).
 */
record KnownSigner(X509Certificate certificate, KeyKind keyKind, SignerInformationVerifier verifier) {

    static KnownSigner of(X509CertificateHolder holder) throws CertificateException, IOException,
            OperatorCreationException {
        Optional<PublicKey> nativeKey = NativeEc.publicKey(holder.getSubjectPublicKeyInfo().getEncoded());
        return nativeKey.isPresent() ? of(holder, nativeKey.get(), NativeEc.provider().orElseThrow())
                : of(holder, Providers.BC);
    }

    /** With another provider for the signature work: tests count the verifications through it. */
    static KnownSigner of(X509CertificateHolder holder, Provider signatures) throws CertificateException,
            IOException, OperatorCreationException {
        PublicKey key = BouncyCastleProvider.getPublicKey(holder.getSubjectPublicKeyInfo());
        if (key == null) {
            throw new CertificateException("unsupported public key algorithm");
        }
        return of(holder, key, signatures);
    }

    /** With {@code key} already converted to {@code signatures}' own key object. */
    private static KnownSigner of(X509CertificateHolder holder, PublicKey key, Provider signatures)
            throws CertificateException, OperatorCreationException {
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        KeyKind kind = KeyKind.of(key);
        ContentVerifierProvider signatureVerifiers = switch (kind) {
            case EC -> new SingleSignatureVerifierProvider(key, signatures);
            case RSA -> new JcaContentVerifierProviderBuilder().setProvider(signatures).build(key);
        };
        SignerInformationVerifier verifier = new SignerInformationVerifier(
                new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(),
                signatureVerifiers,
                new JcaDigestCalculatorProviderBuilder().setProvider(Providers.JDK_DIGEST).build());
        return new KnownSigner(certificate, kind, verifier);
    }
}
