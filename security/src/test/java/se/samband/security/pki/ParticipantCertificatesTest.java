package se.samband.security.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;

class ParticipantCertificatesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheParticipantIdFromTheSubjectAltName() {
        DevPki.Result pki = DevPki.init(DevPkiTest.demoFederation(), dir, DevPki.Options.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)));
        ParticipantId id = ParticipantId.of("kriminalvarden.frivard-gavle");

        assertThat(ParticipantCertificates.participantId(pki.certificate(id))).contains(id);
        assertThat(ParticipantCertificates.participantId(pki.certificate(ParticipantId.HUB)))
                .contains(ParticipantId.HUB);
    }

    @Test
    void fallsBackToTheCommonNameOfACertificateWithoutSubjectAltName() throws Exception {
        // Made by OpenSSL, not DevPki: a plain self-signed certificate with the id only in its CN.
        Path certificate = dir.resolve("cn-only.crt");
        DevPkiTest.Process openssl = DevPkiTest.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.resolve("cn-only.key").toString(),
                "-subj", "/C=SE/O=Bollnäs kommun, socialtjänsten/CN=socialtjanst.bollnas", "-utf8",
                "-days", "1", "-out", certificate.toString());
        assertThat(openssl.exitCode()).as(openssl.output()).isZero();

        assertThat(ParticipantCertificates.participantId(Pem.readCertificate(certificate)))
                .contains(ParticipantId.of("socialtjanst.bollnas"));
    }

    @Test
    void findsNoParticipantInACertificateWithoutSanAndWithANonIdCn() {
        DevPki.Result pki = DevPki.init(DevPkiTest.demoFederation(), dir, DevPki.Options.defaults());
        // The CA has no SAN and its CN ("samband-demo development CA") is not a participant id.
        assertThat(ParticipantCertificates.participantId(pki.caCertificate())).isEmpty();
    }
}
