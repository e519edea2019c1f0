package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifiers per signer certificate (PERFORMANCE-NOTES.md: a cached verifier doubles CMS verify
 * throughput). A federation has tens to hundreds of certificates, so a plain map with a hard cap is
 * enough; when full, an arbitrary entry gives way, which costs one rebuild and never a wrong answer.
 * Keyed by the whole certificate, so a forged certificate that reuses an issuer and serial gets its own entry.
 */
final class SignerCache {
    static final int DEFAULT_CAPACITY = 1024;

    private final int capacity;
    private final ConcurrentHashMap<CertificateKey, KnownSigner> signers = new ConcurrentHashMap<>();

    SignerCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    KnownSigner get(X509CertificateHolder certificate) throws IOException, CertificateException,
            OperatorCreationException {
        CertificateKey key = new CertificateKey(certificate.getEncoded());
        KnownSigner known = signers.get(key);
        if (known != null) {
            return known;
        }
        known = KnownSigner.of(certificate);
        while (signers.size() >= capacity) {
            Iterator<CertificateKey> any = signers.keySet().iterator();
            if (!any.hasNext()) {
                break;
            }
            signers.remove(any.next());
        }
        KnownSigner raced = signers.putIfAbsent(key, known);
        return raced != null ? raced : known;
    }

    int size() {
        return signers.size();
    }
}
