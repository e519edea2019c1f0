package se.samband.security.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The federation's CA certificates and their current CRLs: an immutable snapshot. To take in new
 * CRLs, load a new snapshot and hand it to {@link CertificateValidator#replaceTrustAnchors}, which
 * also drops the validator's cache.
 *
 * <p>A CRL counts only when its signature verifies with the issuing certificate's key (checked
 * lazily, once per CRL and key), so a CRL file from elsewhere cannot hide a revocation.
 */
public final class TrustAnchors {
    /**
     * A CRL issued this much "in the future" still counts: the CA's clock may run ahead of ours
     * (the notice contract allows ±5 minutes). Only nextUpdate is held strictly.
     */
    static final Duration THIS_UPDATE_SKEW = Duration.ofMinutes(5);
    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;
    private final Set<TrustAnchor> pkixAnchors;
    private final Map<X500Principal, List<CrlCandidate>> crlsByIssuer;

    private TrustAnchors(List<X509Certificate> certificates, List<X509CRL> crls) {
        this.certificates = List.copyOf(certificates);
        this.crls = List.copyOf(crls);
        this.pkixAnchors = this.certificates.stream().map(c -> new TrustAnchor(c, null))
                .collect(Collectors.toUnmodifiableSet());
        this.crlsByIssuer = this.crls.stream().map(CrlCandidate::new)
                .collect(Collectors.groupingBy(c -> c.crl.getIssuerX500Principal(), Collectors.toUnmodifiableList()));
    }

    /**
     * Reads {@code <pkiDir>/ca/*.crt} (PEM, CA certificates only) and {@code <pkiDir>/ca/*.crl}.
     * No CA certificate, or a file that does not parse, is {@code federation_invalid}; a CRL that
     * does not parse is {@code crl_unavailable}.
     */
    public static TrustAnchors load(Path pkiDir) {
        Path caDir = pkiDir.resolve("ca");
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : list(caDir, "*.crt")) {
            try {
                certificates.addAll(Pem.readCertificates(file));
            } catch (IllegalArgumentException e) {
                throw new SambandException(ErrorCode.FEDERATION_INVALID, "ca/" + file.getFileName()
                        + " is not a PEM certificate", e);
            }
        }
        for (Path file : list(caDir, "*.crl")) {
            try {
                crls.add(Pem.readCrl(file));
            } catch (IllegalArgumentException e) {
                throw new SambandException(ErrorCode.CRL_UNAVAILABLE, "ca/" + file.getFileName()
                        + " is not a CRL", e);
            }
        }
        return of(certificates, crls);
    }

    /** The given CA certificates (at least one, each with basicConstraints CA:true) and CRLs. */
    public static TrustAnchors of(List<X509Certificate> caCertificates, List<X509CRL> crls) {
        if (caCertificates.isEmpty()) {
            throw new SambandException(ErrorCode.FEDERATION_INVALID, "no CA certificate to trust");
        }
        for (X509Certificate ca : caCertificates) {
            if (ca.getBasicConstraints() < 0) {
                throw new SambandException(ErrorCode.FEDERATION_INVALID,
                        "a trust anchor is not a CA certificate (serial " + ca.getSerialNumber().toString(16) + ")");
            }
        }
        return new TrustAnchors(new ArrayList<>(new LinkedHashSet<>(caCertificates)), crls);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    Set<TrustAnchor> pkixAnchors() {
        return pkixAnchors;
    }

    boolean isAnchor(X509Certificate certificate) {
        return certificates.contains(certificate);
    }

    /**
     * The newest CRL of this issuer that is signed by its key and current at {@code now}
     * (thisUpdate &le; now + {@link #THIS_UPDATE_SKEW}, now &lt; nextUpdate); empty when there is none.
     */
    Optional<X509CRL> currentCrl(X509Certificate issuer, Instant now) {
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && !usage[6]) {
            return Optional.empty();    // the issuer may not sign CRLs (no cRLSign)
        }
        return crlsByIssuer.getOrDefault(issuer.getSubjectX500Principal(), List.of()).stream()
                .filter(c -> c.isCurrent(now))
                .filter(c -> c.isSignedBy(issuer.getPublicKey()))
                .map(c -> c.crl)
                .max(Comparator.comparing(X509CRL::getThisUpdate));
    }

    private static List<Path> list(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the trust directory", e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    @Override
    public String toString() {
        return "TrustAnchors[cas=" + certificates.size() + ", crls=" + crls.size() + "]";
    }

    /** A CRL with the outcome of verifying its signature per candidate issuer key. */
    private static final class CrlCandidate {
        private final X509CRL crl;
        private final Map<PublicKey, Boolean> signedBy = new ConcurrentHashMap<>();

        CrlCandidate(X509CRL crl) {
            this.crl = crl;
        }

        boolean isCurrent(Instant now) {
            return crl.getNextUpdate() != null
                    && !crl.getThisUpdate().toInstant().isAfter(now.plus(THIS_UPDATE_SKEW))
                    && crl.getNextUpdate().toInstant().isAfter(now);
        }

        boolean isSignedBy(PublicKey key) {
            return signedBy.computeIfAbsent(key, k -> {
                try {
                    crl.verify(k);
                    return true;
                } catch (GeneralSecurityException e) {
                    return false;
                }
            });
        }
    }
}
