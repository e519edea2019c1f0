package se.samband.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class Pkcs12KeyStoreTest {
    static final String SECRET_PASSWORD = "correct-horse-battery-staple";
    static final ParticipantId SOCIAL = ParticipantId.of("socialtjanst.bollnas");

    @TempDir
    static Path dir;

    static DevPki.Layout layout;

    @BeforeAll
    static void createPki() {
        DevPki.init(DevPkiTest.demoFederation(), dir, DevPki.Options.defaults()
                .withPassword(SECRET_PASSWORD.toCharArray())
                .withClock(Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)));
        layout = new DevPki.Layout(dir);
    }

    @Test
    void loadsTheOnlyKeyEntryWithItsChain() throws Exception {
        Pkcs12KeyStore key = Pkcs12KeyStore.load(layout.participantKeyStore(SOCIAL), SECRET_PASSWORD.toCharArray());

        assertThat(key.certificate()).isEqualTo(Pem.readCertificate(layout.participantCertificate(SOCIAL)));
        assertThat(key.chain()).hasSize(2);
        assertThat(key.chain().get(1)).isEqualTo(Pem.readCertificate(layout.caCertificate()));
        // The key belongs to the certificate: a signature made with it verifies with the certificate's key.
        byte[] data = "samband".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key.certificate());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void loadsByAlias() {
        Pkcs12KeyStore key = Pkcs12KeyStore.load(layout.caKeyStore(), SECRET_PASSWORD.toCharArray(), "federation-ca");
        assertThat(key.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rejectsAWrongPasswordWithoutNamingIt() {
        assertThatThrownBy(() -> Pkcs12KeyStore.load(layout.participantKeyStore(SOCIAL), "wrong-guess".toCharArray()))
                .isInstanceOfSatisfying(SambandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("wrong-guess").doesNotContain(SECRET_PASSWORD)
                            .contains("socialtjanst.bollnas.p12");
                });
    }

    @Test
    void rejectsAMissingFileAndAnUnknownAlias() {
        assertThatThrownBy(() -> Pkcs12KeyStore.load(dir.resolve("nope.p12"), SECRET_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
        assertThatThrownBy(() -> Pkcs12KeyStore.load(layout.participantKeyStore(SOCIAL),
                SECRET_PASSWORD.toCharArray(), "polisen.gavleborg"))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void rejectsAKeyStoreWithoutKeyEntries() {
        assertThatThrownBy(() -> Pkcs12KeyStore.load(layout.trustStore(), SECRET_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void rejectsAFileThatIsNotPkcs12() throws Exception {
        Path garbage = dir.resolve("garbage.p12");
        Files.writeString(garbage, "not a key store");
        assertThatThrownBy(() -> Pkcs12KeyStore.load(garbage, SECRET_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void showsOnlyTheSubjectInToString() {
        Pkcs12KeyStore key = Pkcs12KeyStore.load(layout.participantKeyStore(SOCIAL), SECRET_PASSWORD.toCharArray());
        assertThat(key.toString()).startsWith("Pkcs12KeyStore[subject=").contains("CN=socialtjanst.bollnas")
                .doesNotContain("BEGIN").doesNotContain(SECRET_PASSWORD);
    }
}
