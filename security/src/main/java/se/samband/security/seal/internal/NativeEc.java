package se.samband.security.seal.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECDSA through BoringSSL (Conscrypt's JCA provider) where its native library loads, else nothing and Bouncy
 * Castle does the work as before. On this project's two-core machines BoringSSL signs P-256 about 5x and verifies
 * about 1.5x faster than Bouncy Castle's Java arithmetic (bench/RESULTS.md), and the hub makes two signatures and
 * one verification per notice. Only the signature operation moves: the CMS structures, digests and attributes are
 * still built and checked by Bouncy Castle, so what goes on the wire is the same DER.
 *
 * <p>Keys are converted once into the provider's own objects (a key of another kind would be re-encoded on every
 * call). A key the provider cannot take (a curve BoringSSL lacks, an HSM handle) stays with Bouncy Castle. The
 * system property {@value #PROPERTY}{@code =false} turns the native path off, e.g. to compare the two.
 */
public final class NativeEc {
    static final String PROPERTY = "samband.crypto.native-ec";
    private static final Logger log = LoggerFactory.getLogger(NativeEc.class);
    private static final Provider PROVIDER = load();

    private NativeEc() {
    }

    /** The provider for ECDSA, if the native library loaded and passed its self-test. */
    static Optional<Provider> provider() {
        return Optional.ofNullable(PROVIDER);
    }

    /** Who makes and checks EC signatures in this JVM, for the hub's start-up log and health details. */
    public static String description() {
        if (PROVIDER == null) {
            return "Bouncy Castle";
        }
        Conscrypt.Version version = Conscrypt.version();
        return "BoringSSL (Conscrypt " + version.major() + "." + version.minor() + "." + version.patch() + ")";
    }

    /** {@code key} as the native provider's object, if there is one and it takes the key. */
    static Optional<PrivateKey> privateKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"EC".equals(key.getAlgorithm())) {
            return Optional.empty();
        }
        return convert(keys -> keys.generatePrivate(new PKCS8EncodedKeySpec(encoded)));
    }

    /** The EC public key of this DER SubjectPublicKeyInfo as the native provider's object, if it takes it. */
    static Optional<PublicKey> publicKey(byte[] subjectPublicKeyInfo) {
        return convert(keys -> keys.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo)));
    }

    /** A key made by the native provider's EC key factory; empty without the provider or if it refuses the key. */
    private static <K> Optional<K> convert(KeyConversion<K> conversion) {
        if (PROVIDER == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(conversion.apply(KeyFactory.getInstance("EC", PROVIDER)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface KeyConversion<K> {
        K apply(KeyFactory keys) throws GeneralSecurityException;
    }

    private static Provider load() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            log.info("Native EC signatures turned off ({}=false): Bouncy Castle signs and verifies", PROPERTY);
            return null;
        }
        try {
            if (!Conscrypt.isAvailable()) {
                log.info("Conscrypt's native library is not available here: Bouncy Castle signs and verifies");
                return null;
            }
            Provider provider = Conscrypt.newProvider();
            selfTest(provider);
            return provider;
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            log.warn("Native EC signatures unavailable ({}): Bouncy Castle signs and verifies", e.toString());
            return null;
        }
    }

    /** One P-256 signature made natively and checked by Bouncy Castle, and the other way round. */
    private static void selfTest(Provider provider) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "samband native EC self-test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        KeyFactory keys = KeyFactory.getInstance("EC", provider);
        Signature nativeSigner = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), provider);
        nativeSigner.initSign(keys.generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded())));
        nativeSigner.update(message);
        byte[] nativeSignature = nativeSigner.sign();
        Signature bcVerifier = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), Providers.BC);
        bcVerifier.initVerify(pair.getPublic());
        bcVerifier.update(message);
        Signature bcSigner = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), Providers.BC);
        bcSigner.initSign(pair.getPrivate());
        bcSigner.update(message);
        byte[] bcSignature = bcSigner.sign();
        Signature nativeVerifier = Signature.getInstance(SignatureScheme.ECDSA_SHA256.jcaName(), provider);
        nativeVerifier.initVerify(keys.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded())));
        nativeVerifier.update(message);
        if (!bcVerifier.verify(nativeSignature) || !nativeVerifier.verify(bcSignature)) {
            throw new GeneralSecurityException("self-test signatures do not verify across providers");
        }
    }
}
