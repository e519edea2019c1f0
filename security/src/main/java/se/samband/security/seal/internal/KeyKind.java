package se.samband.security.seal.internal;

import java.security.Key;

/** The key types Samband seals with: the signature scheme and the recipient info follow from it. */
enum KeyKind {
    EC,
    RSA;

    static KeyKind of(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> EC;
            case "RSA" -> RSA;
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }
}
