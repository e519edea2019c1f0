package se.samband.security.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRLReason;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;
import se.samband.security.pki.internal.CertificateMinting;
import se.samband.security.pki.internal.CertificateMinting.LeafProfile;
import se.samband.security.pki.internal.CertificateMinting.Revocation;

/**
 * Creates a development PKI for a federation: one CA, one key and certificate per participant, a
 * CRL and a TLS trust store. For the demo and for tests only, never for production: the CA key
 * lies next to the certificates, protected by a well-known default password.
 *
 * <p>Layout under {@code dir} (see {@link Layout}):
 * <pre>
 * ca/federation-ca.crt            CA certificate (PEM)
 * ca/federation-ca.p12            CA key + certificate (alias federation-ca), mode 600
 * ca/federation-ca.crl            CRL (PEM), nextUpdate 7 days after issue
 * participants/&lt;id&gt;.crt          participant certificate (PEM)
 * participants/&lt;id&gt;.p12          participant key + chain [leaf, CA] (alias = participant id), mode 600
 * truststore.p12                  CA certificate only (alias federation-ca), for TLS clients and servers
 * </pre>
 *
 * <p>{@link #init} is idempotent: an existing CA is reused and only missing participants get new
 * keys, so running it again after adding a participant invalidates no certificate (a participant
 * whose key store was issued by a CA that no longer exists gets a new one). It also
 * re-issues the CRL when that is missing or stale (keeping its revocations). It is not safe to run
 * twice at the same time on the same directory.
 *
 * <p>Certificates: subject {@code CN=<id>, O=<display name>, C=SE} (O cut to 64 characters);
 * SubjectAltName URI {@code urn:samband:participant:<id>}; EC P-256 keys with digitalSignature +
 * keyAgreement, or RSA-3072 with digitalSignature + keyEncipherment for the participants named
 * in {@link Options#withRsa}; EKU clientAuth, and for the hub also serverAuth plus the SANs DNS
 * {@code localhost} and IP {@code 127.0.0.1}. The CA is EC P-256, SHA256withECDSA.
 */
public final class DevPki {
    /** The default password of every key store that DevPki writes. */
    public static final String DEFAULT_PASSWORD = "samband-dev";
    /** The SAN URI prefix that names a participant; see {@link ParticipantCertificates}. */
    public static final String PARTICIPANT_URI_PREFIX = "urn:samband:participant:";
    static final String CA_ALIAS = "federation-ca";
    static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(DevPki.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private DevPki() {
    }

    /** Creates what is missing of the federation's development PKI in {@code dir}. */
    public static Result init(Federation federation, Path dir, Options options) {
        Objects.requireNonNull(federation, "federation");
        Layout layout = new Layout(dir);
        createDirectories(layout);
        Instant now = options.clock().instant();
        boolean caCreated = !Files.exists(layout.caKeyStore());
        CaMaterial ca = caCreated ? createCa(federation, layout, options, now) : loadCa(layout, options.password());
        if (!Files.exists(layout.caCertificate())) {
            writeAtomically(layout.caCertificate(), Pem.encode(ca.certificate()).getBytes(StandardCharsets.US_ASCII),
                    false);
        }
        if (!Files.exists(layout.trustStore())) {
            writeTrustStore(layout, ca.certificate(), options.password());
        }
        Set<ParticipantId> issued = new LinkedHashSet<>();
        Set<ParticipantId> reused = new LinkedHashSet<>();
        for (Participant participant : federation.participants()) {
            if (reuse(layout, participant.id(), ca, options.password())) {
                reused.add(participant.id());
            } else {
                issue(layout, participant, ca, options, now);
                issued.add(participant.id());
            }
        }
        LOG.info("dev PKI in {}: CA {}, issued {}, kept {}", dir, caCreated ? "created" : "reused", issued.size(),
                reused.size());
        if (!Files.exists(layout.crl()) || crlIsStale(Pem.readCrl(layout.crl()), now)) {
            writeCrl(layout, ca, now, List.of());
        }
        return new Result(layout, ca.certificate(), caCreated, issued, reused);
    }

    /**
     * Revokes a participant's current certificate (reason keyCompromise) by re-issuing the CRL
     * with its serial added; earlier revocations stay on the list.
     */
    public static void revoke(Path dir, ParticipantId id, char[] password, Clock clock) {
        Layout layout = new Layout(dir);
        CaMaterial ca = loadCa(layout, password);
        Path certificateFile = layout.participantCertificate(id);
        if (!Files.exists(certificateFile)) {
            throw new IllegalArgumentException("no certificate for participant " + id);
        }
        X509Certificate certificate = Pem.readCertificate(certificateFile);
        Revocation revocation = new Revocation(certificate.getSerialNumber(), clock.instant(),
                CRLReason.KEY_COMPROMISE.ordinal());
        writeCrl(layout, ca, clock.instant(), List.of(revocation));
    }

    private static CaMaterial createCa(Federation federation, Layout layout, Options options, Instant now) {
        if (Files.exists(layout.caCertificate())) {
            // A CA certificate without its key: making a new CA would silently invalidate every participant.
            throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "CA certificate exists without its key store");
        }
        KeyPair keys = generate(KeyAlgorithm.EC_P256);
        X509Certificate certificate = CertificateMinting.selfSignedCa(
                truncate(federation.info().id() + " development CA"), truncate(federation.info().name()),
                keys.getPublic(), keys.getPrivate(), now, now.plus(options.caValidity()));
        writeKeyStore(layout.caKeyStore(), CA_ALIAS, keys.getPrivate(), List.of(certificate), options.password());
        return new CaMaterial(certificate, keys.getPrivate());
    }

    private static CaMaterial loadCa(Layout layout, char[] password) {
        Pkcs12KeyStore store = Pkcs12KeyStore.load(layout.caKeyStore(), password, CA_ALIAS);
        return new CaMaterial(store.certificate(), store.privateKey());
    }

    private static void issue(Layout layout, Participant participant, CaMaterial ca, Options options,
                              Instant now) {
        ParticipantId id = participant.id();
        KeyAlgorithm algorithm = options.rsaParticipants().contains(id) ? KeyAlgorithm.RSA_3072 : KeyAlgorithm.EC_P256;
        KeyPair keys = generate(algorithm);
        Validity validity = options.validityOverrides().getOrDefault(id,
                new Validity(now, now.plus(options.participantValidity())));
        boolean hub = ParticipantId.HUB.equals(id);
        LeafProfile profile = new LeafProfile(id.value(), truncate(participant.name()), keys.getPublic(),
                validity.notBefore(), validity.notAfter(), List.of(PARTICIPANT_URI_PREFIX + id.value()),
                hub ? List.of("localhost") : List.of(), hub ? List.of("127.0.0.1") : List.of(),
                algorithm == KeyAlgorithm.EC_P256, hub);
        X509Certificate certificate = CertificateMinting.leaf(profile, ca.certificate(), ca.privateKey());
        writeKeyStore(layout.participantKeyStore(id), id.value(), keys.getPrivate(),
                List.of(certificate, ca.certificate()), options.password());
        writeAtomically(layout.participantCertificate(id), Pem.encode(certificate).getBytes(StandardCharsets.US_ASCII),
                false);
    }

    /**
     * Keeps a participant's existing key when its certificate was issued by this CA. The key store
     * is the source of truth: a lost or differing .crt is re-exported from it, never re-issued. A key
     * store of a CA that no longer exists is useless, so that participant is issued anew.
     */
    private static boolean reuse(Layout layout, ParticipantId id, CaMaterial ca, char[] password) {
        if (!Files.exists(layout.participantKeyStore(id))) {
            return false;
        }
        X509Certificate certificate = Pkcs12KeyStore.load(layout.participantKeyStore(id), password, id.value())
                .certificate();
        try {
            certificate.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            LOG.warn("dev PKI: the key store of {} was issued by another CA; issuing a new one", id);
            return false;
        }
        Path certificateFile = layout.participantCertificate(id);
        if (!Files.exists(certificateFile) || !Pem.readCertificate(certificateFile).equals(certificate)) {
            writeAtomically(certificateFile, Pem.encode(certificate).getBytes(StandardCharsets.US_ASCII), false);
        }
        return true;
    }

    private static void writeCrl(Layout layout, CaMaterial ca, Instant now, List<Revocation> added) {
        List<Revocation> revoked = new ArrayList<>();
        BigInteger number = BigInteger.ONE;
        if (Files.exists(layout.crl())) {
            X509CRL previous = Pem.readCrl(layout.crl());
            number = CertificateMinting.crlNumber(previous).add(BigInteger.ONE);
            if (previous.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : previous.getRevokedCertificates()) {
                    CRLReason reason = entry.getRevocationReason();
                    revoked.add(new Revocation(entry.getSerialNumber(), entry.getRevocationDate().toInstant(),
                            reason == null ? 0 : reason.ordinal()));
                }
            }
        }
        for (Revocation r : added) {
            if (revoked.stream().noneMatch(existing -> existing.serial().equals(r.serial()))) {
                revoked.add(r);
            }
        }
        X509CRL crl = CertificateMinting.crl(ca.certificate(), ca.privateKey(), now, now.plus(CRL_VALIDITY), number,
                revoked);
        writeAtomically(layout.crl(), Pem.encode(crl).getBytes(StandardCharsets.US_ASCII), false);
    }

    private static boolean crlIsStale(X509CRL crl, Instant now) {
        return crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(now);
    }

    private static void writeTrustStore(Layout layout, X509Certificate ca, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(CA_ALIAS, ca);
            writeAtomically(layout.trustStore(), serialise(store, password), false);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
    }

    private static void writeKeyStore(Path file, String alias, PrivateKey key, List<X509Certificate> chain,
                                      char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            writeAtomically(file, serialise(store, password), true);
        } catch (GeneralSecurityException | IOException e) {
            throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "cannot write key store " + file.getFileName(), e);
        }
    }

    private static byte[] serialise(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** Writes a sibling temporary file (mode 600 when secret) and moves it in place, so no half file is seen. */
    private static void writeAtomically(Path file, byte[] content, boolean secret) {
        try {
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } else {
                Files.createFile(temp);
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(content);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    private static void createDirectories(Layout layout) {
        try {
            Files.createDirectories(layout.caCertificate().getParent());
            Files.createDirectories(layout.dir().resolve("participants"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PKI directories", e);
        }
    }

    private static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            if (algorithm == KeyAlgorithm.RSA_3072) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(3072);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** Cuts to 64 code points (RFC 5280 upper bound for CN and O), never inside a surrogate pair. */
    static String truncate(String value) {
        if (value.codePointCount(0, value.length()) <= CertificateMinting.MAX_NAME_LENGTH) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, CertificateMinting.MAX_NAME_LENGTH)).strip();
    }

    private record CaMaterial(X509Certificate certificate, PrivateKey privateKey) {
    }

    /** The participant key algorithms DevPki can create. */
    public enum KeyAlgorithm { EC_P256, RSA_3072 }

    /** A certificate's validity period, for test certificates that are expired or not yet valid. */
    public record Validity(Instant notBefore, Instant notAfter) {
        public Validity {
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("notAfter must be after notBefore");
            }
        }
    }

    /**
     * Settings of {@link #init}; immutable, change with the {@code with…} methods, e.g.
     * {@code Options.defaults().withClock(clock).withRsa(Set.of(id))}.
     */
    public static final class Options {
        private final char[] password;
        private final Clock clock;
        private final Duration participantValidity;
        private final Duration caValidity;
        private final Set<ParticipantId> rsaParticipants;
        private final Map<ParticipantId, Validity> validityOverrides;

        private Options(char[] password, Clock clock, Duration participantValidity, Duration caValidity,
                        Set<ParticipantId> rsaParticipants, Map<ParticipantId, Validity> validityOverrides) {
            this.password = password.clone();
            this.clock = Objects.requireNonNull(clock, "clock");
            this.participantValidity = positive(participantValidity);
            this.caValidity = positive(caValidity);
            this.rsaParticipants = Set.copyOf(rsaParticipants);
            this.validityOverrides = Map.copyOf(validityOverrides);
        }

        /** Password {@value #DEFAULT_PASSWORD}, system UTC clock, 2 years per participant, 10 for the CA, all EC. */
        public static Options defaults() {
            return new Options(DEFAULT_PASSWORD.toCharArray(), Clock.systemUTC(), Duration.ofDays(730),
                    Duration.ofDays(3650), Set.of(), Map.of());
        }

        public Options withPassword(char[] newPassword) {
            return new Options(newPassword, clock, participantValidity, caValidity, rsaParticipants,
                    validityOverrides);
        }

        public Options withClock(Clock newClock) {
            return new Options(password, newClock, participantValidity, caValidity, rsaParticipants,
                    validityOverrides);
        }

        public Options withParticipantValidity(Duration validity) {
            return new Options(password, clock, validity, caValidity, rsaParticipants, validityOverrides);
        }

        public Options withCaValidity(Duration validity) {
            return new Options(password, clock, participantValidity, validity, rsaParticipants, validityOverrides);
        }

        /** These participants get RSA-3072 keys (RSA-PSS signatures, RSA-OAEP key transport) instead of EC. */
        public Options withRsa(Set<ParticipantId> participants) {
            return new Options(password, clock, participantValidity, caValidity, participants, validityOverrides);
        }

        /**
         * Test hook: the participant's certificate gets this validity instead of now + participant
         * validity, e.g. one that has already expired. Applies only when its certificate is created.
         */
        public Options withValidity(ParticipantId participant, Instant notBefore, Instant notAfter) {
            Map<ParticipantId, Validity> overrides = new HashMap<>(validityOverrides);
            overrides.put(participant, new Validity(notBefore, notAfter));
            return new Options(password, clock, participantValidity, caValidity, rsaParticipants, overrides);
        }

        /** A copy of the key store password. */
        public char[] password() {
            return password.clone();
        }

        public Clock clock() {
            return clock;
        }

        public Duration participantValidity() {
            return participantValidity;
        }

        public Duration caValidity() {
            return caValidity;
        }

        public Set<ParticipantId> rsaParticipants() {
            return rsaParticipants;
        }

        public Map<ParticipantId, Validity> validityOverrides() {
            return validityOverrides;
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("validity must be positive");
            }
            return d;
        }

        @Override
        public String toString() {
            return "DevPki.Options[participantValidity=" + participantValidity + ", caValidity=" + caValidity
                    + ", rsa=" + rsaParticipants + ", overrides=" + validityOverrides.keySet() + "]";
        }
    }

    /** Where DevPki keeps each file under its directory. */
    public record Layout(Path dir) {
        public Layout {
            Objects.requireNonNull(dir, "dir");
        }

        public Path caCertificate() {
            return dir.resolve("ca").resolve("federation-ca.crt");
        }

        public Path caKeyStore() {
            return dir.resolve("ca").resolve("federation-ca.p12");
        }

        public Path crl() {
            return dir.resolve("ca").resolve("federation-ca.crl");
        }

        public Path trustStore() {
            return dir.resolve("truststore.p12");
        }

        public Path participantCertificate(ParticipantId id) {
            return dir.resolve("participants").resolve(id.value() + ".crt");
        }

        public Path participantKeyStore(ParticipantId id) {
            return dir.resolve("participants").resolve(id.value() + ".p12");
        }
    }

    /**
     * What {@link #init} did: the CA certificate, whether the CA was created now, and which
     * participants got a new certificate ({@code issued}) or kept theirs ({@code reused}).
     */
    public record Result(Layout layout, X509Certificate caCertificate, boolean caCreated, Set<ParticipantId> issued,
                         Set<ParticipantId> reused) {
        public Result {
            issued = Set.copyOf(issued);
            reused = Set.copyOf(reused);
        }

        /** Shortcut for tests and the demo: the participant's key, read with this password. */
        public PrivateKeyAccess keyAccess(ParticipantId id, char[] password) {
            return Pkcs12KeyStore.load(layout.participantKeyStore(id), password, id.value());
        }

        public X509Certificate certificate(ParticipantId id) {
            return Pem.readCertificate(layout.participantCertificate(id));
        }
    }
}
