package se.samband.security.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.seal.SealingPki.FRIVARD;
import static se.samband.security.seal.SealingPki.HEALTH_CENTRE;
import static se.samband.security.seal.SealingPki.OUTSIDER;
import static se.samband.security.seal.SealingPki.POLICE;
import static se.samband.security.seal.SealingPki.PSYCHIATRY;
import static se.samband.security.seal.SealingPki.SOCIAL_SERVICES;
import static se.samband.security.seal.SealingPki.header;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeLimits;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.seal.internal.BodyEncryptor;
import se.samband.security.seal.internal.CmsNoticeSealer;
import se.samband.security.seal.internal.CmsSigner;

class NoticeSealingTest {
    private static final String MARKER = "MARKER-640823-3234";
    private static final byte[] PAYLOAD = ("{\"plannedRelease\":\"2026-12-01\",\"contact\":\"" + MARKER + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static SealingPki pki;

    private final NoticeJson json = NoticeJson.strict();
    private final NoticeVerifier verifier = Sealing.verifier();
    private final NoticeOpener opener = Sealing.opener();

    @BeforeAll
    static void createPki() {
        pki = new SealingPki(dir);
    }

    @Test
    void ecRecipientOpensWhatAnEcSenderSealed() {
        NoticeHeader header = header(FRIVARD, SOCIAL_SERVICES);

        SealedNotice sealed = Sealing.sealer(pki.key(FRIVARD)).seal(header, PAYLOAD,
                pki.certificates(SOCIAL_SERVICES));
        OpenedNotice opened = opener.open(sealed, pki.key(SOCIAL_SERVICES));

        assertThat(opened.payload()).isEqualTo(PAYLOAD);
        assertThat(opened.signer()).isEqualTo(pki.certificate(FRIVARD));
        assertThat(opened.header()).isEqualTo(header.withBodyDigest(sha256Base64Url(sealed.body())));
    }

    @Test
    void everyRecipientOfMixedEcAndRsaKeysOpensWhatAnRsaPssSenderSealed() {
        ParticipantId[] recipients = {SOCIAL_SERVICES, PSYCHIATRY, HEALTH_CENTRE};
        NoticeHeader header = header(POLICE, recipients);

        SealedNotice sealed = Sealing.sealer(pki.key(POLICE)).seal(header, PAYLOAD, pki.certificates(recipients));

        for (ParticipantId recipient : recipients) {
            OpenedNotice opened = opener.open(sealed, pki.key(recipient));
            assertThat(opened.payload()).as(recipient.value()).isEqualTo(PAYLOAD);
            assertThat(opened.signer()).as(recipient.value()).isEqualTo(pki.certificate(POLICE));
        }
    }

    @Test
    void hubVerifiesTheHeaderWithoutAKey() {
        NoticeHeader header = header(PSYCHIATRY, FRIVARD, POLICE);
        SealedNotice sealed = Sealing.sealer(pki.key(PSYCHIATRY)).seal(header, PAYLOAD,
                pki.certificates(FRIVARD, POLICE));

        VerifiedHeader verified = verifier.verify(sealed);

        assertThat(verified.signer()).isEqualTo(pki.certificate(PSYCHIATRY));
        assertThat(verified.header().bodyDigest()).isEqualTo(sha256Base64Url(sealed.body()));
        assertThat(verified.header()).isEqualTo(header.withBodyDigest(verified.header().bodyDigest()));
    }

    @Test
    void headerTheCallerReadIsNotReadAgainButTheSignatureStillCounts() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        NoticeHeader admitted = json.readHeader(sealed.header());

        VerifiedHeader verified = verifier.verify(sealed, admitted);

        assertThat(verified.header()).isSameAs(admitted);
        assertThat(verified.signer()).isEqualTo(pki.certificate(FRIVARD));
        byte[] header = sealed.header().clone();
        header[new String(header, StandardCharsets.UTF_8).indexOf("frivard")] ^= 0x01;
        SealedNotice tampered = new SealedNotice(header, sealed.signature(), sealed.body());
        assertRefused(() -> verifier.verify(tampered, json.readHeader(header)), ErrorCode.SIGNATURE_INVALID);
        SealedNotice swappedBody = new SealedNotice(sealed.header(), sealed.signature(),
                sealFromFrivardTo(SOCIAL_SERVICES).body());
        assertRefused(() -> verifier.verify(swappedBody, admitted), ErrorCode.BODY_DIGEST_MISMATCH);
    }

    @Test
    void refusesToSealForNoRecipient() {
        NoticeSealer sealer = Sealing.sealer(pki.key(FRIVARD));

        assertRefused(() -> sealer.seal(header(FRIVARD), PAYLOAD, List.of()), ErrorCode.SEALING_FAILED);
    }

    @Test
    void oversizedHeaderIsRefusedBeforeAnyCryptography() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        NoticeJson small = NoticeJson.strict(new NoticeLimits(sealed.header().length - 1,
                NoticeLimits.DEFAULT_MAX_CONTAINER_BYTES, NoticeLimits.DEFAULT_MAX_NESTING_DEPTH));

        assertRefused(() -> Sealing.verifier(small).verify(sealed), ErrorCode.HEADER_TOO_LARGE);
        assertRefused(() -> Sealing.sealer(pki.key(FRIVARD), small, Clock.systemUTC())
                .seal(header(FRIVARD, SOCIAL_SERVICES), PAYLOAD, pki.certificates(SOCIAL_SERVICES)),
                ErrorCode.HEADER_TOO_LARGE);
        assertThat(Sealing.verifier(NoticeJson.strict()).verify(sealed).signer()).isEqualTo(pki.certificate(FRIVARD));
    }

    @Test
    void participantTheNoticeIsNotSealedForCannotOpenIt() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES, PSYCHIATRY);

        assertRefused(() -> opener.open(sealed, pki.key(OUTSIDER)), ErrorCode.NOT_A_RECIPIENT);
        assertRefused(() -> opener.open(sealed, pki.key(POLICE)), ErrorCode.NOT_A_RECIPIENT);
    }

    @Test
    void flippedHeaderByteBreaksTheSignature() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        byte[] header = sealed.header().clone();
        int id = new String(header, StandardCharsets.UTF_8).indexOf("frivard");
        header[id] ^= 0x01;
        SealedNotice tampered = new SealedNotice(header, sealed.signature(), sealed.body());

        assertRefused(() -> verifier.verify(tampered), ErrorCode.SIGNATURE_INVALID);
        assertRefused(() -> opener.open(tampered, pki.key(SOCIAL_SERVICES)), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void flippedBodyByteNoLongerMatchesTheDigest() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        byte[] body = sealed.body().clone();
        body[body.length / 2] ^= 0x01;
        SealedNotice tampered = new SealedNotice(sealed.header(), sealed.signature(), body);

        assertRefused(() -> verifier.verify(tampered), ErrorCode.BODY_DIGEST_MISMATCH);
        assertRefused(() -> opener.open(tampered, pki.key(SOCIAL_SERVICES)), ErrorCode.BODY_DIGEST_MISMATCH);
    }

    @Test
    void bodySwappedWithARecomputedDigestBreaksTheHeaderSignature() {
        SealedNotice original = sealFromFrivardTo(SOCIAL_SERVICES);
        SealedNotice other = sealFromFrivardTo(SOCIAL_SERVICES);
        NoticeHeader rewritten = json.readHeader(original.header()).withBodyDigest(sha256Base64Url(other.body()));

        SealedNotice swapped = new SealedNotice(json.writeHeader(rewritten), original.signature(), other.body());
        SealedNotice swappedOnly = new SealedNotice(original.header(), original.signature(), other.body());

        assertRefused(() -> verifier.verify(swapped), ErrorCode.SIGNATURE_INVALID);
        assertRefused(() -> verifier.verify(swappedOnly), ErrorCode.BODY_DIGEST_MISMATCH);
    }

    @Test
    void garbageSignatureIsInvalid() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        byte[] garbage = "not a CMS signature".getBytes(StandardCharsets.US_ASCII);

        assertRefused(() -> verifier.verify(new SealedNotice(sealed.header(), garbage, sealed.body())),
                ErrorCode.SIGNATURE_INVALID);
        assertRefused(() -> verifier.verify(new SealedNotice(sealed.header(), new byte[0], sealed.body())),
                ErrorCode.SIGNATURE_INVALID);
        byte[] truncated = java.util.Arrays.copyOf(sealed.signature(), sealed.signature().length - 10);
        assertRefused(() -> verifier.verify(new SealedNotice(sealed.header(), truncated, sealed.body())),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void signatureOfAnotherHeaderIsInvalid() {
        SealedNotice first = sealFromFrivardTo(SOCIAL_SERVICES);
        SealedNotice second = sealFromFrivardTo(SOCIAL_SERVICES);

        assertRefused(() -> verifier.verify(new SealedNotice(first.header(), second.signature(), first.body())),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void tamperedInnerSignatureIsRefusedAfterDecryption() throws Exception {
        byte[] inner = new CmsSigner(pki.key(FRIVARD), Clock.systemUTC()).signEncapsulated(PAYLOAD);
        inner[inner.length - 1] ^= 0x01; // the last byte of the SignerInfo's signature value
        SealedNotice sealed = wrap(FRIVARD, inner, SOCIAL_SERVICES);

        assertThat(verifier.verify(sealed).signer()).isEqualTo(pki.certificate(FRIVARD));
        assertRefused(() -> opener.open(sealed, pki.key(SOCIAL_SERVICES)), ErrorCode.PAYLOAD_SIGNATURE_INVALID);
    }

    @Test
    void tamperedInnerContentIsRefusedAfterDecryption() throws Exception {
        byte[] inner = new CmsSigner(pki.key(FRIVARD), Clock.systemUTC()).signEncapsulated(PAYLOAD);
        int at = indexOf(inner, MARKER.getBytes(StandardCharsets.UTF_8));
        inner[at] ^= 0x01;
        SealedNotice sealed = wrap(FRIVARD, inner, SOCIAL_SERVICES);

        assertRefused(() -> opener.open(sealed, pki.key(SOCIAL_SERVICES)), ErrorCode.PAYLOAD_SIGNATURE_INVALID);
    }

    @Test
    void innerBlobThatIsNoSignedDataIsRefused() throws Exception {
        SealedNotice sealed = wrap(FRIVARD, PAYLOAD, SOCIAL_SERVICES);

        assertRefused(() -> opener.open(sealed, pki.key(SOCIAL_SERVICES)), ErrorCode.PAYLOAD_SIGNATURE_INVALID);
    }

    @Test
    void headerAndBodySignedByDifferentParticipantsIsASignerMismatch() throws Exception {
        byte[] innerByPolice = new CmsSigner(pki.key(POLICE), Clock.systemUTC()).signEncapsulated(PAYLOAD);
        SealedNotice sealed = wrap(FRIVARD, innerByPolice, SOCIAL_SERVICES);

        assertThat(verifier.verify(sealed).signer()).isEqualTo(pki.certificate(FRIVARD));
        assertRefused(() -> opener.open(sealed, pki.key(SOCIAL_SERVICES)), ErrorCode.SIGNER_MISMATCH);
    }

    @Test
    void rightCertificateWithTheWrongKeyCannotDecrypt() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES, PSYCHIATRY);

        assertRefused(() -> opener.open(sealed, pki.certificateWithKeyOf(SOCIAL_SERVICES, HEALTH_CENTRE)),
                ErrorCode.DECRYPTION_FAILED);
        assertRefused(() -> opener.open(sealed, pki.certificateWithKeyOf(PSYCHIATRY, POLICE)),
                ErrorCode.DECRYPTION_FAILED);
    }

    @Test
    void brokenGcmTagCannotDecrypt() {
        SealedNotice sealed = sealFromFrivardTo(SOCIAL_SERVICES);
        byte[] body = sealed.body().clone();
        body[body.length - 1] ^= 0x01; // AuthEnvelopedData ends with the mac (the GCM tag)
        CmsNoticeSealer frivard = new CmsNoticeSealer(pki.key(FRIVARD), json, Clock.systemUTC());
        SealedNotice resealed = frivard.sealBody(json.readHeader(sealed.header()), body);

        assertRefused(() -> opener.open(resealed, pki.key(SOCIAL_SERVICES)), ErrorCode.DECRYPTION_FAILED);
    }

    @Test
    void openedNoticeNeverPrintsThePayload() {
        OpenedNotice opened = opener.open(sealFromFrivardTo(SOCIAL_SERVICES), pki.key(SOCIAL_SERVICES));

        assertThat(opened.toString()).doesNotContain(MARKER).contains("bytes=" + PAYLOAD.length);
    }

    @Test
    void oneVerifierServesManyThreadsAtOnce() throws Exception {
        List<SealedNotice> notices = List.of(sealFromFrivardTo(SOCIAL_SERVICES),
                Sealing.sealer(pki.key(POLICE)).seal(header(POLICE, PSYCHIATRY), PAYLOAD,
                        pki.certificates(PSYCHIATRY)),
                Sealing.sealer(pki.key(HEALTH_CENTRE)).seal(header(HEALTH_CENTRE, FRIVARD), PAYLOAD,
                        pki.certificates(FRIVARD)));
        List<ParticipantId> senders = List.of(FRIVARD, POLICE, HEALTH_CENTRE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        int which = i % notices.size();
                        if (!verifier.verify(notices.get(which)).signer().equals(pki.certificate(senders.get(which)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private SealedNotice sealFromFrivardTo(ParticipantId... recipients) {
        return Sealing.sealer(pki.key(FRIVARD)).seal(header(FRIVARD, recipients), PAYLOAD,
                pki.certificates(recipients));
    }

    /** A container whose body encrypts {@code inner} as is, with a consistent digest and header signature. */
    private SealedNotice wrap(ParticipantId headerSigner, byte[] inner, ParticipantId recipient) throws Exception {
        byte[] body = new BodyEncryptor().encrypt(inner, pki.certificates(recipient));
        return new CmsNoticeSealer(pki.key(headerSigner), json, Clock.systemUTC())
                .sealBody(header(headerSigner, recipient), body);
    }

    /** Refused with {@code expected}, and no message in the cause chain carries the payload. */
    private static void assertRefused(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SambandException.class, e -> {
            assertThat(e.code()).isEqualTo(expected);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER);
            }
        });
    }

    private static String sha256Base64Url(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
