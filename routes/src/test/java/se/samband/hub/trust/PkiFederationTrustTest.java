package se.samband.hub.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import se.samband.hub.TestSupport;
import se.samband.hub.directory.Directory;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.Pem;
import se.samband.security.pki.Pkcs12KeyStore;

class PkiFederationTrustTest {
    private static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();
    private static final ParticipantId POLICE = ParticipantId.of("polisen.gavleborg");
    private final Clock clock = Clock.systemUTC();
    private final Federation federation = TestSupport.demoFederation();

    @Test
    void devInitCreatesThePkiOnceAndLaterStartsReuseIt() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");

        PkiFederationTrust first = PkiFederationTrust.open(dir, PASSWORD, true, federation, clock);
        PkiFederationTrust second = PkiFederationTrust.open(dir, PASSWORD, true, federation, clock);

        DevPki.Layout layout = new DevPki.Layout(dir);
        assertThat(layout.trustStore()).isRegularFile();
        assertThat(first.hubKey().certificate()).isEqualTo(second.hubKey().certificate());
        assertThat(first.hubKey().certificate())
                .isEqualTo(Pem.readCertificate(layout.participantCertificate(ParticipantId.HUB)));
        first.validator().validate(first.hubKey().certificate(), KeyUse.TLS_SERVER);
    }

    @Test
    void withoutDevInitAMissingPkiStopsTheStart() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");

        assertThatThrownBy(() -> PkiFederationTrust.open(dir, PASSWORD, false, federation, clock))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
        assertThat(dir).doesNotExist();
    }

    @Test
    void givesEachParticipantsRegisteredCertificateAndNothingForStrangers() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");
        PkiFederationTrust trust = PkiFederationTrust.open(dir, PASSWORD, true, federation, clock);

        X509Certificate expected = Pkcs12KeyStore.load(new DevPki.Layout(dir).participantKeyStore(POLICE), PASSWORD)
                .certificate();
        assertThat(trust.certificateOf(POLICE)).contains(expected);
        assertThat(trust.certificateOf(ParticipantId.of("polisen.narnia"))).isEmpty();
    }

    @Test
    void takesInARevocationOnlyWhenTheCrlChanged() throws Exception {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");
        PkiFederationTrust trust = PkiFederationTrust.open(dir, PASSWORD, true, federation, clock);
        X509Certificate police = trust.certificateOf(POLICE).orElseThrow();
        trust.validator().validate(police, KeyUse.TLS_CLIENT);
        assertThat(trust.reloadCrls()).as("nothing changed").isFalse();

        DevPki.revoke(dir, POLICE, PASSWORD, clock);

        assertThat(trust.reloadCrls()).isTrue();
        assertThat(trust.reloadCrls()).as("taken in once").isFalse();
        assertThatThrownBy(() -> trust.validator().validate(police, KeyUse.TLS_CLIENT))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_REVOKED));
    }

    @Test
    void embeddedDefaultReissuesTheDevelopmentCrlWhenItRunsOut() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");
        SettableClock time = new SettableClock(Instant.now());
        PkiFederationTrust trust = PkiFederationTrust.open(dir, PASSWORD, true, federation, time);
        X509Certificate police = trust.certificateOf(POLICE).orElseThrow();

        time.set(time.instant().plus(Duration.ofDays(8)));
        assertThatThrownBy(() -> trust.validator().validate(police, KeyUse.TLS_CLIENT))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CRL_UNAVAILABLE));

        assertThat(trust.reloadCrls()).isTrue();
        trust.validator().validate(police, KeyUse.TLS_CLIENT);
    }

    @Test
    void provisionedPkiKeepsItsCrlEvenWhenItRunsOut() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");
        SettableClock time = new SettableClock(Instant.now());
        PkiFederationTrust.open(dir, PASSWORD, true, federation, time);
        PkiFederationTrust provisioned = PkiFederationTrust.open(dir, PASSWORD, false, federation, time);

        time.set(time.instant().plus(Duration.ofDays(8)));

        assertThat(provisioned.reloadCrls()).isFalse();
    }

    @Test
    void authenticatorTurnsAValidClientCertificateIntoItsParticipantAndRefusesTheRest() {
        Path dir = TestSupport.newDataDir("trust").resolve("pki");
        PkiFederationTrust trust = PkiFederationTrust.open(dir, PASSWORD, true, federation, clock);
        Directory directory = new Directory(new ClassPathResource("samband/demo/federation.yaml"),
                new FederationLoader(), clock);
        directory.load();
        ParticipantAuthenticator authenticator = new ParticipantAuthenticator(trust, directory);
        Path foreign = TestSupport.newDataDir("trust-foreign");
        DevPki.init(federation, foreign, DevPki.Options.defaults());

        assertThat(authenticator.authenticate(chain(dir, POLICE))).isEqualTo(POLICE);
        Map<X509Certificate[], ErrorCode> refused = Map.of(
                new X509Certificate[0], ErrorCode.SENDER_UNKNOWN,
                chain(dir, ParticipantId.HUB), ErrorCode.SENDER_UNKNOWN,
                chain(foreign, POLICE), ErrorCode.CERTIFICATE_UNTRUSTED);
        refused.forEach((chain, code) -> assertThatThrownBy(() -> authenticator.authenticate(chain))
                .isInstanceOfSatisfying(SambandException.class, e -> assertThat(e.code()).isEqualTo(code)));
        assertThatThrownBy(() -> authenticator.authenticate(null)).isInstanceOf(SambandException.class);
    }

    /** A clock the test moves forward: the CRL's nextUpdate is hours ahead, not milliseconds. */
    private static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static X509Certificate[] chain(Path pkiDir, ParticipantId participant) {
        return Pkcs12KeyStore.load(new DevPki.Layout(pkiDir).participantKeyStore(participant), PASSWORD).chain()
                .toArray(X509Certificate[]::new);
    }
}
