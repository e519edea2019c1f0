package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * The encryptor reuses an originator key per curve for a bounded period and caches ECDH secrets, yet every body
 * opens with BC's standard recipient for each of its recipients, and every message gets its own ukm, so its own
 * key-encryption key and encrypted content key.
 */
class BodyEncryptorTest {
    private static final List<ParticipantId> EC_RECIPIENTS = List.of(ParticipantId.of("socialtjanst.bollnas"),
            ParticipantId.of("region.bollnas-halsocentral"), ParticipantId.of("kriminalvarden.frivard-gavle"));
    private static final ParticipantId RSA_RECIPIENT = ParticipantId.of("polisen.gavleborg");
    private static final byte[] CONTENT = "{\"inReplyTo\":\"ids and codes only\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    static Path dir;
    static DevPki.Result pki;

    @BeforeAll
    static void createPki() {
        pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults().withRsa(Set.of(RSA_RECIPIENT)));
    }

    @Test
    void aBodyForOneEcRecipientOpens() throws Exception {
        byte[] body = new BodyEncryptor().encrypt(CONTENT, certificates(EC_RECIPIENTS.get(0)));

        assertThat(new BodyDecryptor().decrypt(body, key(EC_RECIPIENTS.get(0)))).isEqualTo(CONTENT);
        KeyAgreeRecipientInfo info = keyAgreeInfos(body).get(0);
        assertThat(info.getKeyEncryptionAlgorithm().getAlgorithm()).isEqualTo(CMSAlgorithm.ECDH_SHA256KDF);
        assertThat(info.getUserKeyingMaterial().getOctets()).hasSize(64);
    }

    @Test
    void aBodyForSeveralEcRecipientsAndAnRsaRecipientOpensForEach() throws Exception {
        BodyEncryptor encryptor = new BodyEncryptor();
        List<ParticipantId> all = new ArrayList<>(EC_RECIPIENTS);
        all.add(RSA_RECIPIENT);

        byte[] ecOnly = encryptor.encrypt(CONTENT, certificates(EC_RECIPIENTS.toArray(ParticipantId[]::new)));
        byte[] mixed = encryptor.encrypt(CONTENT, certificates(all.toArray(ParticipantId[]::new)));

        BodyDecryptor decryptor = new BodyDecryptor();
        for (ParticipantId recipient : EC_RECIPIENTS) {
            assertThat(decryptor.decrypt(ecOnly, key(recipient))).as(recipient.value()).isEqualTo(CONTENT);
            assertThat(decryptor.decrypt(mixed, key(recipient))).as(recipient.value()).isEqualTo(CONTENT);
        }
        assertThat(decryptor.decrypt(mixed, key(RSA_RECIPIENT))).isEqualTo(CONTENT);
        // One originator key for all EC recipients (one curve), each with its own ukm.
        List<KeyAgreeRecipientInfo> infos = keyAgreeInfos(mixed);
        assertThat(infos).hasSize(EC_RECIPIENTS.size());
        assertThat(infos.stream().map(BodyEncryptorTest::originator).distinct()).hasSize(1);
        assertThat(infos.stream().map(i -> new String(i.getUserKeyingMaterial().getOctets(),
                StandardCharsets.ISO_8859_1)).distinct()).hasSize(EC_RECIPIENTS.size());
    }

    @Test
    void withinThePeriodTheOriginatorKeyIsSharedButUkmAndEncryptedKeyDiffer() throws Exception {
        MovableClock clock = new MovableClock(START);
        BodyEncryptor encryptor = new BodyEncryptor(clock, Duration.ofMinutes(10));
        List<X509Certificate> recipient = certificates(EC_RECIPIENTS.get(0));

        byte[] first = encryptor.encrypt(CONTENT, recipient);
        clock.now = START.plus(Duration.ofMinutes(9)).plusSeconds(59);
        byte[] second = encryptor.encrypt(CONTENT, recipient);

        KeyAgreeRecipientInfo a = keyAgreeInfos(first).get(0);
        KeyAgreeRecipientInfo b = keyAgreeInfos(second).get(0);
        assertThat(originator(b)).isEqualTo(originator(a));
        assertThat(b.getUserKeyingMaterial().getOctets()).isNotEqualTo(a.getUserKeyingMaterial().getOctets());
        assertThat(encryptedKey(b)).isNotEqualTo(encryptedKey(a));
        BodyDecryptor decryptor = new BodyDecryptor();
        assertThat(decryptor.decrypt(first, key(EC_RECIPIENTS.get(0)))).isEqualTo(CONTENT);
        assertThat(decryptor.decrypt(second, key(EC_RECIPIENTS.get(0)))).isEqualTo(CONTENT);
    }

    @Test
    void afterThePeriodTheOriginatorKeyChanges() throws Exception {
        MovableClock clock = new MovableClock(START);
        BodyEncryptor encryptor = new BodyEncryptor(clock, Duration.ofMinutes(10));
        List<X509Certificate> recipient = certificates(EC_RECIPIENTS.get(0));

        byte[] first = encryptor.encrypt(CONTENT, recipient);
        clock.now = START.plus(Duration.ofMinutes(10));
        byte[] rotated = encryptor.encrypt(CONTENT, recipient);
        byte[] sameAsRotated = encryptor.encrypt(CONTENT, recipient);
        clock.now = START.minusSeconds(1); // a clock set back does not keep a key beyond its period either
        byte[] afterClockSetBack = encryptor.encrypt(CONTENT, recipient);

        assertThat(originator(keyAgreeInfos(rotated).get(0))).isNotEqualTo(originator(keyAgreeInfos(first).get(0)));
        assertThat(originator(keyAgreeInfos(sameAsRotated).get(0)))
                .isEqualTo(originator(keyAgreeInfos(rotated).get(0)));
        assertThat(originator(keyAgreeInfos(afterClockSetBack).get(0)))
                .isNotEqualTo(originator(keyAgreeInfos(rotated).get(0)));
        for (byte[] body : List.of(first, rotated, sameAsRotated, afterClockSetBack)) {
            assertThat(new BodyDecryptor().decrypt(body, key(EC_RECIPIENTS.get(0)))).isEqualTo(CONTENT);
        }
    }

    @Test
    void theSharedSecretCacheIsBounded() throws Exception {
        BodyEncryptor encryptor = new BodyEncryptor(Clock.systemUTC(), Duration.ofMinutes(10), 2);

        for (ParticipantId recipient : EC_RECIPIENTS) {
            encryptor.encrypt(CONTENT, certificates(recipient));
        }
        byte[] again = encryptor.encrypt(CONTENT, certificates(EC_RECIPIENTS.get(0)));

        assertThat(encryptor.cachedSecrets()).isBetween(1, 2);
        assertThat(new BodyDecryptor().decrypt(again, key(EC_RECIPIENTS.get(0)))).isEqualTo(CONTENT);
    }

    @Test
    void aRotationDropsTheSecretsOfTheOldKey() throws Exception {
        MovableClock clock = new MovableClock(START);
        BodyEncryptor encryptor = new BodyEncryptor(clock, Duration.ofMinutes(10));
        encryptor.encrypt(CONTENT, certificates(EC_RECIPIENTS.toArray(ParticipantId[]::new)));
        assertThat(encryptor.cachedSecrets()).isEqualTo(EC_RECIPIENTS.size());

        clock.now = START.plus(Duration.ofMinutes(11));
        encryptor.encrypt(CONTENT, certificates(EC_RECIPIENTS.get(0)));

        assertThat(encryptor.cachedSecrets()).isEqualTo(1);
    }

    /** Four threads share one encryptor while its keys rotate and its small secret cache evicts. */
    @Test
    void threadsSharingOneEncryptorThroughRotationsMakeBodiesThatOpen() throws Exception {
        AtomicLong minutes = new AtomicLong();
        Clock advancing = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return START.plus(Duration.ofMinutes(minutes.getAndIncrement()));
            }
        };
        BodyEncryptor encryptor = new BodyEncryptor(advancing, Duration.ofMinutes(10), 2);
        List<X509Certificate> recipients = certificates(EC_RECIPIENTS.toArray(ParticipantId[]::new));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                bodies.add(threads.submit(() -> encryptor.encrypt(CONTENT, recipients)));
            }
            Set<SubjectPublicKeyInfo> originators = new HashSet<>();
            BodyDecryptor decryptor = new BodyDecryptor();
            for (int i = 0; i < bodies.size(); i++) {
                byte[] body = bodies.get(i).get();
                ParticipantId recipient = EC_RECIPIENTS.get(i % EC_RECIPIENTS.size());
                assertThat(decryptor.decrypt(body, key(recipient))).as("body %d", i).isEqualTo(CONTENT);
                originators.add(originator(keyAgreeInfos(body).get(0)));
            }
            assertThat(originators).hasSizeGreaterThan(1);
            assertThat(encryptor.cachedSecrets()).isLessThanOrEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<KeyAgreeRecipientInfo> keyAgreeInfos(byte[] body) {
        AuthEnvelopedData envelope = AuthEnvelopedData.getInstance(ContentInfo.getInstance(body).getContent());
        List<KeyAgreeRecipientInfo> infos = new ArrayList<>();
        for (int i = 0; i < envelope.getRecipientInfos().size(); i++) {
            RecipientInfo info = RecipientInfo.getInstance(envelope.getRecipientInfos().getObjectAt(i));
            if (info.getInfo() instanceof KeyAgreeRecipientInfo keyAgree) {
                infos.add(keyAgree);
            }
        }
        return infos;
    }

    private static SubjectPublicKeyInfo originator(KeyAgreeRecipientInfo info) {
        var key = info.getOriginator().getOriginatorKey();
        return new SubjectPublicKeyInfo(key.getAlgorithm(), key.getPublicKeyData());
    }

    private static byte[] encryptedKey(KeyAgreeRecipientInfo info) {
        return RecipientEncryptedKey.getInstance(info.getRecipientEncryptedKeys().getObjectAt(0))
                .getEncryptedKey().getOctets();
    }

    private static List<X509Certificate> certificates(ParticipantId... ids) {
        return Arrays.stream(ids).map(pki::certificate).toList();
    }

    private static PrivateKeyAccess key(ParticipantId id) {
        return pki.keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray());
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
