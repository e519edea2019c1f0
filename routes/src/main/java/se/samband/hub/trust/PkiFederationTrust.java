package se.samband.hub.trust;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.pki.TrustAnchors;

/**
 * {@link FederationTrust} over a PKI directory in {@link DevPki.Layout}: the hub's key from
 * {@code participants/samband.hub.p12}, the trust anchors and CRLs from {@code ca/}, participants' certificates from
 * {@code participants/<id>.crt}. {@link #reloadCrls()} takes in changed CRLs (the hub calls it periodically), so a
 * revocation takes effect without a restart.
 */
public final class PkiFederationTrust implements FederationTrust {
    private static final Logger log = LoggerFactory.getLogger(PkiFederationTrust.class);

    private final DevPki.Layout layout;
    private final PrivateKeyAccess hubKey;
    private final CertificateValidator validator;
    /** Set in the embedded default only: how to re-issue the development CRL when it runs out. */
    private final DevInit devInit;
    private final ConcurrentMap<ParticipantId, Optional<X509Certificate>> certificates = new ConcurrentHashMap<>();
    private final Object reloadLock = new Object();
    private Map<String, String> crlDigests;

    private PkiFederationTrust(DevPki.Layout layout, PrivateKeyAccess hubKey, CertificateValidator validator,
                               DevInit devInit, Map<String, String> crlDigests) {
        this.layout = layout;
        this.hubKey = hubKey;
        this.validator = validator;
        this.devInit = devInit;
        this.crlDigests = crlDigests;
    }

    /**
     * Opens the PKI in {@code dir}; with {@code devInit} it first creates what is missing of the federation's
     * development PKI there (idempotent; a stale CRL is re-issued).
     *
     * @throws SambandException {@code key_unavailable} when the hub's key store cannot be read,
     *                          {@code federation_invalid} when there is no CA certificate
     */
    public static PkiFederationTrust open(Path dir, char[] password, boolean devInit, Federation federation,
                                          Clock clock) {
        DevInit init = devInit ? new DevInit(federation,
                DevPki.Options.defaults().withPassword(password).withClock(clock), clock) : null;
        if (init != null) {
            DevPki.init(federation, dir, init.options());
        }
        DevPki.Layout layout = new DevPki.Layout(dir);
        PrivateKeyAccess hubKey = Pkcs12KeyStore.load(layout.participantKeyStore(ParticipantId.HUB), password);
        Map<String, String> digests = crlDigests(dir);
        CertificateValidator validator = new CertificateValidator(TrustAnchors.load(dir), clock);
        log.info("Federation trust from {}: hub certificate serial {}, {} CRL file(s)", dir,
                hubKey.certificate().getSerialNumber().toString(16), digests.size());
        return new PkiFederationTrust(layout, hubKey, validator, init, digests);
    }

    @Override
    public PrivateKeyAccess hubKey() {
        return hubKey;
    }

    @Override
    public CertificateValidator validator() {
        return validator;
    }

    @Override
    public Optional<X509Certificate> certificateOf(ParticipantId participant) {
        return certificates.computeIfAbsent(participant, this::readCertificate);
    }

    /** The directory's layout: where the TLS acceptors find the hub's key store and the trust store. */
    public DevPki.Layout layout() {
        return layout;
    }

    /**
     * Loads the trust anchors anew when a file in {@code ca/*.crl} was added, removed or changed since the last
     * load, and hands them to the validator (which drops its cache).
     *
     * @return whether new trust anchors were taken in
     */
    public boolean reloadCrls() {
        synchronized (reloadLock) {
            refreshStaleDevCrl();
            Map<String, String> now = crlDigests(layout.dir());
            if (now.equals(crlDigests)) {
                return false;
            }
            validator.replaceTrustAnchors(TrustAnchors.load(layout.dir()));
            crlDigests = now;
            log.info("Took in changed CRLs from {}: {} CRL file(s)", layout.dir().resolve("ca"), now.size());
            return true;
        }
    }

    /**
     * A development CRL is valid for 7 days; a hub of the embedded default that runs longer re-issues it (as a
     * restart would), or every login would fail with {@code crl_unavailable}. A provisioned PKI is left alone: its
     * CRLs come from the federation's CA.
     */
    private void refreshStaleDevCrl() {
        if (devInit == null || !Files.isRegularFile(layout.crl())) {
            return;
        }
        Date nextUpdate = Pem.readCrl(layout.crl()).getNextUpdate();
        if (nextUpdate == null || !nextUpdate.toInstant().isAfter(devInit.clock().instant())) {
            DevPki.init(devInit.federation(), layout.dir(), devInit.options());
        }
    }

    private Optional<X509Certificate> readCertificate(ParticipantId participant) {
        Path file = layout.participantCertificate(participant);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Pem.readCertificate(file));
    }

    /** File name to SHA-256 of every CRL: content, not modification times, which may not change within a tick. */
    private static Map<String, String> crlDigests(Path dir) {
        Map<String, String> digests = new TreeMap<>();
        Path caDir = dir.resolve("ca");
        if (!Files.isDirectory(caDir)) {
            return digests;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(caDir, "*.crl")) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digests.put(file.getFileName().toString(), Arrays.toString(sha256.digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new SambandException(ErrorCode.CRL_UNAVAILABLE, "cannot read the CRLs in " + caDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return digests;
    }

    @Override
    public String toString() {
        return "PkiFederationTrust[" + layout.dir() + "]";
    }

    private record DevInit(Federation federation, DevPki.Options options, Clock clock) {
    }
}
