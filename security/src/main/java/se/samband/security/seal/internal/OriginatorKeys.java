package se.samband.security.seal.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The current {@link OriginatorKey} per curve, replaced by a fresh one once it is {@code period} old by the clock
 * (or the clock reads a time before it was made). Thread-safe: readers take the current key without locking; one
 * thread at a time replaces an expired key, so a rotation generates one key, not one per waiting thread.
 */
final class OriginatorKeys {
    private final Clock clock;
    private final Duration period;
    private final int cachedSecretsPerKey;
    private final SecureRandom random;
    private final ConcurrentHashMap<ASN1ObjectIdentifier, OriginatorKey> current = new ConcurrentHashMap<>();

    OriginatorKeys(Clock clock, Duration period, int cachedSecretsPerKey, SecureRandom random) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the originator key period must be positive");
        }
        if (cachedSecretsPerKey < 1) {
            throw new IllegalArgumentException("the shared secret cache must hold at least one secret");
        }
        this.clock = clock;
        this.period = period;
        this.cachedSecretsPerKey = cachedSecretsPerKey;
        this.random = random;
    }

    OriginatorKey forCurve(ASN1ObjectIdentifier curve) throws GeneralSecurityException {
        Instant now = clock.instant();
        OriginatorKey key = current.get(curve);
        return key != null && usableAt(key, now) ? key : rotate(curve, now);
    }

    private synchronized OriginatorKey rotate(ASN1ObjectIdentifier curve, Instant now)
            throws GeneralSecurityException {
        OriginatorKey old = current.get(curve);
        if (old != null && usableAt(old, now)) {
            return old; // another thread rotated while this one waited
        }
        OriginatorKey fresh = OriginatorKey.generate(curve, now, cachedSecretsPerKey, random);
        current.put(curve, fresh);
        if (old != null) {
            old.forget();
        }
        return fresh;
    }

    private boolean usableAt(OriginatorKey key, Instant now) {
        return !now.isBefore(key.created()) && now.isBefore(key.created().plus(period));
    }

    int cachedSecrets() {
        return current.values().stream().mapToInt(OriginatorKey::cachedSecrets).sum();
    }
}
