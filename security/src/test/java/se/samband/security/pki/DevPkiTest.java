package se.samband.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.federation.Participant;

class DevPkiTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();
    static final ParticipantId RSA_PARTICIPANT = ParticipantId.of("polisen.gavleborg");
    static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.bollnas");

    static Federation federation;
    static DevPki.Result pki;

    @TempDir
    static Path sharedDir;

    @TempDir
    Path dir;

    static Federation demoFederation() {
        return new FederationLoader().load(Path.of("../deploy/demo/federation.yaml"));
    }

    @BeforeAll
    static void createSharedPki() {
        federation = demoFederation();
        pki = DevPki.init(federation, sharedDir, DevPki.Options.defaults().withClock(CLOCK)
                .withRsa(Set.of(RSA_PARTICIPANT)));
    }

    @Test
    void createsCaKeyCertificateCrlAndTrustStore() throws Exception {
        DevPki.Layout layout = pki.layout();
        X509Certificate ca = Pem.readCertificate(layout.caCertificate());
        assertThat(ca).isEqualTo(pki.caCertificate());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        boolean[] usage = ca.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
        ca.verify(ca.getPublicKey());

        X509CRL crl = Pem.readCrl(layout.crl());
        crl.verify(ca.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));

        KeyStore trust = loadKeyStore(layout.trustStore());
        assertThat(Collections.list(trust.aliases())).containsExactly("federation-ca");
        assertThat(trust.isCertificateEntry("federation-ca")).isTrue();
        assertThat(trust.getCertificate("federation-ca")).isEqualTo(ca);
    }

    @Test
    void issuesEveryParticipantAKeyStoreAndCertificateChainedToTheCa() throws Exception {
        assertThat(pki.issued()).hasSize(federation.participants().size());
        for (Participant participant : federation.participants()) {
            ParticipantId id = participant.id();
            X509Certificate certificate = Pem.readCertificate(pki.layout().participantCertificate(id));
            certificate.verify(pki.caCertificate().getPublicKey());
            assertThat(certificate.getIssuerX500Principal()).isEqualTo(pki.caCertificate().getSubjectX500Principal());
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW);
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(730)));
            assertThat(certificate.getSerialNumber().signum()).isPositive();
            assertThat(certificate.getSerialNumber().bitLength()).isGreaterThan(64).isLessThanOrEqualTo(128);
            assertThat(uris(certificate)).containsExactly("urn:samband:participant:" + id.value());
            assertThat(rdn(certificate, "CN")).isEqualTo(id.value());
            assertThat(rdn(certificate, "C")).isEqualTo("SE");
            assertThat(participant.name()).startsWith(rdn(certificate, "O"));
            assertThat(certificate.getExtensionValue("2.5.29.14")).as("subjectKeyIdentifier").isNotNull();
            assertThat(certificate.getExtensionValue("2.5.29.35")).as("authorityKeyIdentifier").isNotNull();

            PrivateKeyAccess key = Pkcs12KeyStore.load(pki.layout().participantKeyStore(id), PASSWORD);
            assertThat(key.certificate()).isEqualTo(certificate);
            assertThat(key.chain()).containsExactly(certificate, pki.caCertificate());
            assertThat(loadKeyStore(pki.layout().participantKeyStore(id)).isKeyEntry(id.value())).isTrue();
        }
    }

    @Test
    void givesEcParticipantsKeyAgreementAndRsaParticipantsKeyEncipherment() throws Exception {
        X509Certificate ec = pki.certificate(SOCIAL);
        assertThat(ec.getPublicKey()).isInstanceOf(ECKey.class);
        assertThat(((ECKey) ec.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(keyUsages(ec)).containsExactly("digitalSignature", "keyAgreement");
        assertThat(ec.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");

        X509Certificate rsa = pki.certificate(RSA_PARTICIPANT);
        assertThat(rsa.getPublicKey()).isInstanceOf(RSAKey.class);
        assertThat(((RSAKey) rsa.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(keyUsages(rsa)).containsExactly("digitalSignature", "keyEncipherment");
        assertThat(rsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void givesTheHubServerAuthAndLocalhostNames() throws Exception {
        X509Certificate hub = pki.certificate(ParticipantId.HUB);
        assertThat(hub.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        List<String> names = new ArrayList<>();
        hub.getSubjectAlternativeNames().forEach(n -> names.add(n.get(0) + ":" + n.get(1)));
        assertThat(names).containsExactlyInAnyOrder("6:urn:samband:participant:samband.hub", "2:localhost",
                "7:127.0.0.1");
    }

    @Test
    void keepsCommasAndNonAsciiInTheOrganisationName() throws Exception {
        // "Polisen Gävleborg, lokalpolisområde Bollnäs": the comma must be escaped, not split into two RDNs.
        X509Certificate police = pki.certificate(RSA_PARTICIPANT);
        String name = federation.participant(RSA_PARTICIPANT).orElseThrow().name();
        assertThat(name).contains(",").contains("ä");
        assertThat(rdn(police, "O")).isEqualTo(name);
        assertThat(new LdapName(police.getSubjectX500Principal().getName()).size()).isEqualTo(3);
    }

    @Test
    void protectsKeyFilesWithMode600() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.layout().caKeyStore())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                pki.layout().participantKeyStore(SOCIAL)))).isEqualTo("rw-------");
    }

    @Test
    void rerunReusesTheCaAndLeavesExistingCertificatesUntouched() throws IOException {
        DevPki.Result first = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        Map<Path, byte[]> before = snapshot(dir);
        Files.delete(first.layout().participantKeyStore(SOCIAL));
        Files.delete(first.layout().participantCertificate(SOCIAL));

        DevPki.Result second = DevPki.init(federation, dir, DevPki.Options.defaults()
                .withClock(Clock.offset(CLOCK, Duration.ofHours(1))));

        assertThat(second.caCreated()).isFalse();
        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.issued()).containsExactly(SOCIAL);
        assertThat(second.reused()).hasSize(federation.participants().size() - 1);
        Map<Path, byte[]> after = snapshot(dir);
        before.forEach((file, bytes) -> {
            if (!file.getFileName().toString().startsWith(SOCIAL.value())) {
                assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes);
            }
        });
        X509Certificate reissued = second.certificate(SOCIAL);
        assertThat(reissued.getNotBefore().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(reissued.getIssuerX500Principal()).isEqualTo(first.caCertificate().getSubjectX500Principal());
    }

    @Test
    void reExportsALostCertificateFileFromItsKeyStoreInsteadOfIssuingANewOne() throws IOException {
        DevPki.Result first = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        byte[] original = Files.readAllBytes(first.layout().participantCertificate(SOCIAL));
        Files.delete(first.layout().participantCertificate(SOCIAL));

        DevPki.Result second = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));

        assertThat(second.issued()).isEmpty();
        assertThat(Files.readAllBytes(first.layout().participantCertificate(SOCIAL))).isEqualTo(original);
    }

    @Test
    void issuesNewKeysForParticipantsOfACaThatWasRemoved() throws Exception {
        DevPki.Result first = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        try (var files = Files.list(dir.resolve("ca"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(first.layout().trustStore());

        DevPki.Result second = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));

        assertThat(second.caCreated()).isTrue();
        assertThat(second.caCertificate()).isNotEqualTo(first.caCertificate());
        assertThat(second.issued()).hasSize(federation.participants().size());
        second.certificate(SOCIAL).verify(second.caCertificate().getPublicKey());
        assertThat(second.keyAccess(SOCIAL, PASSWORD).chain()).contains(second.caCertificate());
    }

    @Test
    void refusesToReplaceACaWhoseKeyStoreIsMissing() throws IOException {
        DevPki.Result first = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        Files.delete(first.layout().caKeyStore());

        assertThatThrownBy(() -> DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK)))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void revokeAddsTheSerialWithReasonKeyCompromiseAndKeepsEarlierRevocations() {
        DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        DevPki.Layout layout = new DevPki.Layout(dir);
        X509Certificate social = Pem.readCertificate(layout.participantCertificate(SOCIAL));
        X509Certificate hub = Pem.readCertificate(layout.participantCertificate(ParticipantId.HUB));
        Instant later = NOW.plus(Duration.ofDays(1));

        DevPki.revoke(dir, SOCIAL, PASSWORD, Clock.fixed(later, ZoneOffset.UTC));
        X509CRL first = Pem.readCrl(layout.crl());
        DevPki.revoke(dir, ParticipantId.HUB, PASSWORD, Clock.fixed(later.plusSeconds(60), ZoneOffset.UTC));
        X509CRL second = Pem.readCrl(layout.crl());

        assertThat(first.getRevokedCertificates()).hasSize(1);
        X509CRLEntry entry = second.getRevokedCertificate(social);
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(later);
        assertThat(second.getRevokedCertificate(hub)).isNotNull();
        assertThat(second.getRevokedCertificates()).hasSize(2);
        assertThat(second.getThisUpdate().toInstant()).isEqualTo(later.plusSeconds(60));
        assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
    }

    @Test
    void rerunRefreshesAStaleCrlAndKeepsItsRevocations() {
        DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
        DevPki.revoke(dir, SOCIAL, PASSWORD, CLOCK);
        Instant eightDaysLater = NOW.plus(Duration.ofDays(8));

        DevPki.init(federation, dir, DevPki.Options.defaults().withClock(Clock.fixed(eightDaysLater, ZoneOffset.UTC)));

        X509CRL crl = Pem.readCrl(new DevPki.Layout(dir).crl());
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(eightDaysLater.plus(Duration.ofDays(7)));
        assertThat(crl.getRevokedCertificates()).hasSize(1);
    }

    @Test
    void appliesValidityOverridesForTestCertificates() {
        Instant notBefore = NOW.minus(Duration.ofDays(30));
        Instant notAfter = NOW.minus(Duration.ofDays(1));
        DevPki.Result result = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK)
                .withValidity(SOCIAL, notBefore, notAfter));

        X509Certificate expired = result.certificate(SOCIAL);
        assertThat(expired.getNotBefore().toInstant()).isEqualTo(notBefore);
        assertThat(expired.getNotAfter().toInstant()).isEqualTo(notAfter);
        assertThat(result.certificate(ParticipantId.HUB).getNotAfter().toInstant())
                .isEqualTo(NOW.plus(Duration.ofDays(730)));
    }

    @Test
    void opensslAcceptsTheCertificatesCrlAndKeyStores() throws Exception {
        // Real clock: openssl checks validity against the machine's time.
        DevPki.Result result = DevPki.init(federation, dir, DevPki.Options.defaults()
                .withRsa(Set.of(RSA_PARTICIPANT)));
        DevPki.Layout layout = result.layout();
        for (ParticipantId id : List.of(SOCIAL, RSA_PARTICIPANT, ParticipantId.HUB)) {
            Process verify = openssl("verify", "-CAfile", layout.caCertificate().toString(), "-crl_check",
                    "-CRLfile", layout.crl().toString(), layout.participantCertificate(id).toString());
            assertThat(verify.output).contains(": OK");
            assertThat(verify.exitCode).isZero();

            Process pkcs12 = openssl("pkcs12", "-in", layout.participantKeyStore(id).toString(),
                    "-passin", "pass:" + DevPki.DEFAULT_PASSWORD, "-nodes", "-info");
            assertThat(pkcs12.exitCode).as(pkcs12.output).isZero();
            assertThat(pkcs12.output).contains("PRIVATE KEY").contains("CERTIFICATE");
        }

        DevPki.revoke(dir, SOCIAL, PASSWORD, Clock.systemUTC());
        Process revoked = openssl("verify", "-CAfile", layout.caCertificate().toString(), "-crl_check",
                "-CRLfile", layout.crl().toString(), layout.participantCertificate(SOCIAL).toString());
        assertThat(revoked.output).contains("certificate revoked");
        assertThat(revoked.exitCode).isNotZero();
    }

    record Process(int exitCode, String output) {
    }

    static Process openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Process(process.exitValue(), output);
    }

    static KeyStore loadKeyStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static java.math.BigInteger crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue("2.5.29.20");
        assertThat(ext).isNotNull();
        // OCTET STRING { INTEGER }: small numbers, so short-form lengths.
        return new java.math.BigInteger(java.util.Arrays.copyOfRange(ext, 4, 4 + ext[3]));
    }

    private static List<String> uris(X509Certificate certificate) throws Exception {
        List<String> uris = new ArrayList<>();
        certificate.getSubjectAlternativeNames().stream().filter(n -> n.get(0).equals(6))
                .forEach(n -> uris.add((String) n.get(1)));
        return uris;
    }

    static String rdn(X509Certificate certificate, String type) throws Exception {
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            if (rdn.getType().equalsIgnoreCase(type)) {
                return (String) rdn.getValue();
            }
        }
        return null;
    }

    private static List<String> keyUsages(X509Certificate certificate) {
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        boolean[] bits = certificate.getKeyUsage();
        List<String> set = new ArrayList<>();
        for (int i = 0; i < bits.length && i < names.length; i++) {
            if (bits[i]) {
                set.add(names[i]);
            }
        }
        return set;
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
