package se.samband.security.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CRLReason;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Validates a certificate for one {@link KeyUse} against the federation's {@link TrustAnchors}, at
 * the injected clock's time. Thread-safe.
 *
 * <p>Checks, in this order, each failure with one code:
 * <ol>
 *   <li>chain to a trust anchor, signatures, CA constraints (the JDK's PKIX validator; revocation
 *       is checked below) — {@code certificate_untrusted}; validity of every certificate in the
 *       path including the anchor — {@code certificate_expired} / {@code certificate_not_yet_valid};
 *   <li>for every certificate below the anchor, a current CRL of its issuer, signed by the issuer
 *       (thisUpdate at most 5 minutes ahead, now &lt; nextUpdate) — else {@code crl_unavailable}; listed on it —
 *       {@code certificate_revoked};
 *   <li>the leaf's KeyUsage / ExtendedKeyUsage for the use (see {@link KeyUse}); a leaf without a
 *       KeyUsage extension or with CA:true fails — {@code certificate_key_usage}.
 * </ol>
 *
 * <p>The hub validates the same sender certificates over and over, so a success is cached per
 * (certificate, use) until the earliest of: the cache time (default 5 minutes), the nextUpdate of
 * any CRL used, and the notAfter of any certificate in the path. Failures are not cached. The
 * cache belongs to one {@link TrustAnchors} snapshot: {@link #replaceTrustAnchors} drops it.
 */
public final class CertificateValidator {
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofMinutes(5);
    static final int MAX_CACHE_ENTRIES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidator.class);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private final Clock clock;
    private final Duration cacheTime;
    private final AtomicLong cacheHits = new AtomicLong();
    private volatile State state;

    public CertificateValidator(TrustAnchors trustAnchors, Clock clock) {
        this(trustAnchors, clock, DEFAULT_CACHE_TIME);
    }

    /** {@code cacheTime} zero turns the cache off. */
    public CertificateValidator(TrustAnchors trustAnchors, Clock clock, Duration cacheTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheTime == null || cacheTime.isNegative()) {
            throw new IllegalArgumentException("cache time must be zero or positive");
        }
        this.cacheTime = cacheTime;
        this.state = new State(Objects.requireNonNull(trustAnchors, "trustAnchors"));
    }

    /** Validates a certificate issued directly by a trust anchor (or with no intermediates needed). */
    public void validate(X509Certificate leaf, KeyUse use) {
        validate(leaf, List.of(), use);
    }

    /**
     * Validates {@code leaf} for {@code use}. {@code intermediates} are ordered from the leaf's issuer
     * upwards; a trust anchor in it (as in a key store's chain) is ignored.
     *
     * @throws SambandException with one of the trust codes, see the class comment
     */
    public void validate(X509Certificate leaf, List<X509Certificate> intermediates, KeyUse use) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(intermediates, "intermediates");
        Objects.requireNonNull(use, "use");
        State current = state;
        Instant now = clock.instant();
        CacheKey key = new CacheKey(leaf, use);
        Window cached = current.cache.get(key);
        if (cached != null && cached.contains(now)) {
            cacheHits.incrementAndGet();
            return;
        }
        try {
            Window window = check(current.anchors, leaf, intermediates, use, now);
            if (!cacheTime.isZero()) {
                remember(current, key, window);
            }
        } catch (SambandException e) {
            LOG.debug("certificate {} refused for {}: {}", describe(leaf), use, e.code().code());
            throw e;
        }
    }

    /** Takes in new CA certificates or CRLs; every cached validation is dropped. */
    public void replaceTrustAnchors(TrustAnchors trustAnchors) {
        state = new State(Objects.requireNonNull(trustAnchors, "trustAnchors"));
    }

    public TrustAnchors trustAnchors() {
        return state.anchors;
    }

    /** For tests: how many validations were answered from the cache. */
    long cacheHits() {
        return cacheHits.get();
    }

    private Window check(TrustAnchors anchors, X509Certificate leaf, List<X509Certificate> intermediates,
                         KeyUse use, Instant now) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        for (X509Certificate c : intermediates) {
            if (!anchors.isAnchor(c)) {
                path.add(c);
            }
        }
        X509Certificate anchor = validatePath(anchors, path, now);
        checkValidity(anchor, now);
        Instant until = now.plus(cacheTime);
        Instant from = anchor.getNotBefore().toInstant();
        until = earlier(until, anchor.getNotAfter().toInstant());
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            X509CRL crl = anchors.currentCrl(issuer, now).orElseThrow(() -> new SambandException(
                    ErrorCode.CRL_UNAVAILABLE, "no current CRL of the issuer of " + describe(certificate)));
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null && entry.getRevocationReason() != CRLReason.REMOVE_FROM_CRL) {
                throw new SambandException(ErrorCode.CERTIFICATE_REVOKED, describe(certificate) + " is revoked");
            }
            until = earlier(until, crl.getNextUpdate().toInstant());
            until = earlier(until, certificate.getNotAfter().toInstant());
            from = later(from, certificate.getNotBefore().toInstant());
        }
        checkKeyUse(leaf, use);
        return new Window(from, until);
    }

    /** Runs the JDK's PKIX validation without revocation and returns the anchor's certificate. */
    private static X509Certificate validatePath(TrustAnchors anchors, List<X509Certificate> path, Instant now) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors.pkixAnchors());
            parameters.setRevocationEnabled(false);    // CRLs are checked by hand, with our own freshness rule
            parameters.setDate(Date.from(now));
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult)
                    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw new SambandException(codeOf(e), describe(path.get(0)) + ": " + e.getReason(), e);
        } catch (GeneralSecurityException e) {
            throw new SambandException(ErrorCode.CERTIFICATE_UNTRUSTED, describe(path.get(0))
                    + " cannot be validated", e);
        }
    }

    private static ErrorCode codeOf(CertPathValidatorException e) {
        if (e.getReason() == BasicReason.EXPIRED) {
            return ErrorCode.CERTIFICATE_EXPIRED;
        }
        if (e.getReason() == BasicReason.NOT_YET_VALID) {
            return ErrorCode.CERTIFICATE_NOT_YET_VALID;
        }
        // No trust anchor, a bad signature, name chaining, an intermediate that may not sign
        // certificates: in every case the chain does not lead to the federation's CA.
        return ErrorCode.CERTIFICATE_UNTRUSTED;
    }

    private static void checkValidity(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new SambandException(ErrorCode.CERTIFICATE_EXPIRED, "the trust anchor has expired");
        } catch (CertificateNotYetValidException e) {
            throw new SambandException(ErrorCode.CERTIFICATE_NOT_YET_VALID, "the trust anchor is not valid yet");
        }
    }

    private static void checkKeyUse(X509Certificate leaf, KeyUse use) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null || leaf.getBasicConstraints() >= 0) {
            throw keyUsage(leaf, use);
        }
        boolean permitted = switch (use) {
            case SIGNING -> bit(usage, DIGITAL_SIGNATURE) || bit(usage, NON_REPUDIATION);
            case ENCRYPTION -> switch (leaf.getPublicKey().getAlgorithm()) {
                case "RSA" -> bit(usage, KEY_ENCIPHERMENT);
                case "EC", "XDH", "X25519", "X448" -> bit(usage, KEY_AGREEMENT);
                default -> false;
            };
            case TLS_CLIENT -> bit(usage, DIGITAL_SIGNATURE) && hasExtendedKeyUsage(leaf, CLIENT_AUTH);
            case TLS_SERVER -> bit(usage, DIGITAL_SIGNATURE) && hasExtendedKeyUsage(leaf, SERVER_AUTH);
        };
        if (!permitted) {
            throw keyUsage(leaf, use);
        }
    }

    private static boolean bit(boolean[] usage, int index) {
        return index < usage.length && usage[index];
    }

    private static boolean hasExtendedKeyUsage(X509Certificate leaf, String purpose) {
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            return purposes != null && (purposes.contains(purpose) || purposes.contains(ANY_EXTENDED_KEY_USAGE));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static SambandException keyUsage(X509Certificate leaf, KeyUse use) {
        return new SambandException(ErrorCode.CERTIFICATE_KEY_USAGE, describe(leaf) + " may not be used for " + use);
    }

    private void remember(State current, CacheKey key, Window window) {
        Map<CacheKey, Window> cache = current.cache;
        if (cache.size() >= MAX_CACHE_ENTRIES) {
            Instant now = clock.instant();
            cache.values().removeIf(w -> !w.contains(now));
            if (cache.size() >= MAX_CACHE_ENTRIES) {
                cache.clear();    // a flood of distinct certificates: start over rather than grow
            }
        }
        cache.put(key, window);
    }

    /** Identifies a certificate in logs and errors: serial and participant id, never other subject fields. */
    static String describe(X509Certificate certificate) {
        return "certificate serial " + certificate.getSerialNumber().toString(16) + " ("
                + ParticipantCertificates.participantId(certificate).map(Object::toString).orElse("no participant id")
                + ")";
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The trust anchors and the cache that belongs to them, swapped together. */
    private static final class State {
        final TrustAnchors anchors;
        final Map<CacheKey, Window> cache = new ConcurrentHashMap<>();

        State(TrustAnchors anchors) {
            this.anchors = anchors;
        }
    }

    private record CacheKey(X509Certificate certificate, KeyUse use) {
    }

    /** When a cached success still holds: from (inclusive) until (exclusive). */
    private record Window(Instant from, Instant until) {
        boolean contains(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }
}
