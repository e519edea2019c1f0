package se.samband.security.seal.internal;

import java.util.Arrays;

/** A certificate's DER bytes as a map key: equal bytes, equal certificate. */
final class CertificateKey {
    private final byte[] der;
    private final int hash;

    CertificateKey(byte[] der) {
        this.der = der;
        this.hash = Arrays.hashCode(der);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateKey other && hash == other.hash && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
