package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * What the sealer keeps from one notice to the next for speed (BC certificate objects per recipient, the signing
 * time attribute of the current second) must never change what is sealed: every body still opens for its recipient,
 * every body has its own content key and ukm, and the signing time follows the clock.
 */
class SealingReuseTest {
    private static final ParticipantId SENDER = ParticipantId.of("kriminalvarden.frivard-gavle");
    private static final ParticipantId EC_RECIPIENT = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId RSA_RECIPIENT = ParticipantId.of("polisen.gavleborg");
    private static final byte[] CONTENT = "{\"inReplyTo\":\"ids and codes only\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static DevPki.Result pki;

    @BeforeAll
    static void createPki() {
        pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults().withRsa(Set.of(RSA_RECIPIENT)));
    }

    @Test
    void encryptorConvertsEachRecipientOnceAndEveryBodyStillOpens() throws Exception {
        BodyEncryptor encryptor = new BodyEncryptor();
        X509Certificate ec = pki.certificate(EC_RECIPIENT);
        X509Certificate rsa = pki.certificate(RSA_RECIPIENT);

        byte[] first = encryptor.encrypt(CONTENT, List.of(ec));
        byte[] second = encryptor.encrypt(CONTENT, List.of(ec));
        byte[] both = encryptor.encrypt(CONTENT, List.of(ec, rsa));

        assertThat(encryptor.cachedRecipients()).isEqualTo(2);
        BodyDecryptor decryptor = new BodyDecryptor();
        for (byte[] body : List.of(first, second, both)) {
            assertThat(decryptor.decrypt(body, key(EC_RECIPIENT))).isEqualTo(CONTENT);
        }
        assertThat(decryptor.decrypt(both, key(RSA_RECIPIENT))).isEqualTo(CONTENT);
        // A fresh content key and ukm per body, although the recipient's key object and the originator key are reused.
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void signingTimeFollowsTheClockToTheSecond() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00.100Z"));
        CmsSigner signer = new CmsSigner(key(SENDER), clock);

        Instant a = signingTime(signer.signDetached(CONTENT), CONTENT);
        clock.now = Instant.parse("2026-11-22T12:00:00.900Z");
        Instant b = signingTime(signer.signDetached(CONTENT), CONTENT);
        clock.now = Instant.parse("2026-11-22T12:00:01.000Z");
        Instant c = signingTime(signer.signDetached(CONTENT), CONTENT);
        clock.now = Instant.parse("2026-11-22T11:59:59.000Z");
        Instant d = signingTime(signer.signDetached(CONTENT), CONTENT);

        assertThat(a).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(Instant.parse("2026-11-22T12:00:01Z"));
        assertThat(d).isEqualTo(Instant.parse("2026-11-22T11:59:59Z"));
    }

    private static Instant signingTime(byte[] detached, byte[] content) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), detached);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        Date date = Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
        return date.toInstant();
    }

    private static PrivateKeyAccess key(ParticipantId id) {
        return pki.keyAccess(id, DevPki.DEFAULT_PASSWORD.toCharArray());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
