package se.samband.security.seal.internal;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * ECDSA-with-SHA-256 verifiers for one EC public key that verify each signature exactly once.
 *
 * <p>BC's {@code JcaContentVerifierProviderBuilder} hands out a raw-signature verifier for ECDSA whose
 * {@code verify} also runs a second, "NONEwithECDSA" verification in a {@code finally} block (a clean-up meant for
 * PKCS#11 sessions) and throws its result away: half of every CMS verification's EC work was wasted. The verifier
 * here is a plain {@link ContentVerifier}, not a {@code RawContentVerifier}, so BC's {@code SignerInformation} still
 * checks the message-digest attribute against the content itself and then calls {@code verify} once.
 * Any algorithm but ecdsa-with-SHA256 is refused. Thread-safe: every verifier has its own {@link Signature}.
 */
final class SingleSignatureVerifierProvider implements ContentVerifierProvider {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(
            X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final PublicKey key;
    private final Provider provider;

    /** {@code key} should be the provider's own key object, converted once, so nothing is translated per call. */
    SingleSignatureVerifierProvider(PublicKey key, Provider provider) {
        this.key = key;
        this.provider = provider;
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return false;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return null;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (!ECDSA_SHA256.getAlgorithm().equals(algorithm.getAlgorithm())) {
            throw new OperatorCreationException("only ecdsa-with-SHA256 is verified with an EC key, not "
                    + algorithm.getAlgorithm().getId());
        }
        try {
            Signature signature = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), provider);
            signature.initVerify(key);
            return new SingleSignatureVerifier(algorithm, signature);
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("cannot verify ECDSA with this key", e);
        }
    }

    /** Feeds the signed bytes into one JCA signature and verifies it once. */
    private static final class SingleSignatureVerifier implements ContentVerifier {
        private final AlgorithmIdentifier algorithm;
        private final Signature signature;
        private final OutputStream stream;

        SingleSignatureVerifier(AlgorithmIdentifier algorithm, Signature signature) {
            this.algorithm = algorithm;
            this.signature = signature;
            this.stream = OutputStreamFactory.createStream(signature);
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public boolean verify(byte[] expected) {
            try {
                return signature.verify(expected);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("cannot verify the signature", e);
            }
        }
    }
}
