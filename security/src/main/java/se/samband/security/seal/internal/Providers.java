package se.samband.security.seal.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers, resolved once. Bouncy Castle does the EC and RSA work (its ECDSA is 7-11x faster
 * than SunEC on Java 17, PERFORMANCE-NOTES.md); SHA-256 and AES-GCM stay on the JDK's providers, which
 * use the CPU's SHA and AES instructions. The BC instance is not registered globally: passing the object
 * avoids a provider lookup per call and leaves the JVM's provider list alone.
 */
final class Providers {
    static final Provider BC = new BouncyCastleProvider();
    static final Provider JDK_AES = jdk("AES/GCM/NoPadding", true);
    static final Provider JDK_DIGEST = jdk("SHA-256", false);

    private Providers() {
    }

    /**
     * The provider for operations with this private key: BC for a software key (one that exposes its
     * encoding), else null so that the JCA picks the key's own provider (an HSM's PKCS#11 handle).
     */
    static Provider forPrivateKey(PrivateKey key) {
        return key.getEncoded() != null ? BC : null;
    }

    private static Provider jdk(String algorithm, boolean cipher) {
        try {
            return cipher ? Cipher.getInstance(algorithm).getProvider()
                    : MessageDigest.getInstance(algorithm).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + algorithm, e);
        }
    }
}
