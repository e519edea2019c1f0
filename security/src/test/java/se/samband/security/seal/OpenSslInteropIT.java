package se.samband.security.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samband.security.seal.SealingPki.FRIVARD;
import static se.samband.security.seal.SealingPki.HEALTH_CENTRE;
import static se.samband.security.seal.SealingPki.POLICE;
import static se.samband.security.seal.SealingPki.PSYCHIATRY;
import static se.samband.security.seal.SealingPki.SOCIAL_SERVICES;
import static se.samband.security.seal.SealingPki.header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.security.seal.internal.CmsNoticeSealer;

/**
 * Proves the wire contract's "any CMS implementation" with OpenSSL 3 ({@code openssl cms}): OpenSSL verifies
 * Samband's header signatures and decrypts and verifies its bodies, and Samband opens bodies OpenSSL made.
 * EC and RSA participants both, so ECDSA, RSASSA-PSS, ECDH and RSA-OAEP all cross the boundary.
 */
class OpenSslInteropIT {
    private static final String OPENSSL = "/usr/bin/openssl";
    /** Non-ASCII on purpose: the bytes must cross unchanged (-binary, no S/MIME canonicalisation). */
    private static final byte[] PAYLOAD = "{\"plannedRelease\":\"2026-12-01\",\"note\":\"\u00e5\u00e4\u00f6\"}\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path pkiDir;
    static SealingPki pki;

    @TempDir
    Path work;

    @BeforeAll
    static void createPki() {
        pki = new SealingPki(pkiDir);
    }

    @Test
    void openSslVerifiesAnEcdsaHeaderSignature() throws Exception {
        assertOpenSslVerifiesHeaderOf(FRIVARD, "ecdsa-with-SHA256");
    }

    @Test
    void openSslVerifiesAnRsaPssHeaderSignature() throws Exception {
        assertOpenSslVerifiesHeaderOf(POLICE, "rsassaPss");
    }

    @Test
    void openSslDecryptsForAnEcRecipientAndVerifiesThePayload() throws Exception {
        assertOpenSslOpensBodyFor(SOCIAL_SERVICES, HEALTH_CENTRE, "dhSinglePass-stdDH-sha256kdf-scheme");
    }

    /**
     * The sealer reuses its originator key for a while: two bodies sealed in a row for one EC recipient share the
     * originator public key and differ in ukm, and OpenSSL decrypts both.
     */
    @Test
    void openSslDecryptsTwoBodiesSealedInARowWithTheSameOriginatorKey() throws Exception {
        NoticeSealer sealer = Sealing.sealer(pki.key(FRIVARD));
        byte[] firstBody = sealer.seal(header(FRIVARD, SOCIAL_SERVICES), PAYLOAD,
                pki.certificates(SOCIAL_SERVICES)).body();
        byte[] secondBody = sealer.seal(header(FRIVARD, SOCIAL_SERVICES), PAYLOAD,
                pki.certificates(SOCIAL_SERVICES)).body();

        List<String> printed = new ArrayList<>();
        for (byte[] sealedBody : List.of(firstBody, secondBody)) {
            Path body = write("body.der", sealedBody);
            Path inner = work.resolve("inner.der");
            Path payload = work.resolve("payload.json");
            Result decrypted = openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", body,
                    "-recip", pki.result().layout().participantCertificate(SOCIAL_SERVICES),
                    "-inkey", privateKeyPem(SOCIAL_SERVICES), "-out", inner);
            assertThat(decrypted.exit()).as(decrypted.output()).isZero();
            Result verified = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", inner,
                    "-CAfile", pki.caCertificateFile(), "-purpose", "any", "-out", payload);
            assertThat(verified.exit()).as(verified.output()).isZero();
            assertThat(Files.readAllBytes(payload)).isEqualTo(PAYLOAD);
            printed.add(openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", body).output());
        }

        // The hex dump lines ("0000 - 04 ...") are part of each value, so equal values mean equal keys.
        assertThat(field(printed.get(0), "publicKey:")).contains("0000 - 04")
                .isEqualTo(field(printed.get(1), "publicKey:"));
        assertThat(field(printed.get(0), "ukm:")).contains("0000 - ")
                .isNotEqualTo(field(printed.get(1), "ukm:"));
    }

    @Test
    void openSslDecryptsForAnRsaRecipientAndVerifiesThePayload() throws Exception {
        assertOpenSslOpensBodyFor(PSYCHIATRY, POLICE, "rsaesOaep");
    }

    @Test
    void sambandOpensABodyOpenSslSignedWithEcdsaAndEncryptedWithEcdh() throws Exception {
        assertSambandOpensOpenSslBody(FRIVARD, SOCIAL_SERVICES,
                List.of(), List.of("-keyopt", "ecdh_kdf_md:sha256"));
    }

    @Test
    void sambandOpensABodyOpenSslSignedWithRsaPssAndEncryptedWithRsaOaep() throws Exception {
        assertSambandOpensOpenSslBody(POLICE, PSYCHIATRY,
                List.of("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32"),
                List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                        "-keyopt", "rsa_mgf1_md:sha256"));
    }

    private void assertOpenSslVerifiesHeaderOf(ParticipantId sender, String signatureAlgorithm) throws Exception {
        SealedNotice sealed = Sealing.sealer(pki.key(sender)).seal(header(sender, SOCIAL_SERVICES), PAYLOAD,
                pki.certificates(SOCIAL_SERVICES));
        Path header = write("header.json", sealed.header());
        Path signature = write("signature.der", sealed.signature());

        Result verified = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", signature,
                "-content", header, "-CAfile", pki.caCertificateFile(), "-purpose", "any",
                "-out", work.resolve("verified.json"));
        Result printed = openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", signature);

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verification successful");
        assertThat(Files.readAllBytes(work.resolve("verified.json"))).isEqualTo(sealed.header());
        assertThat(printed.output()).contains(signatureAlgorithm, "messageDigest", "contentType", "signingTime");
    }

    /** Seals for {@code recipient} and a second recipient with the same key type, then OpenSSL opens it. */
    private void assertOpenSslOpensBodyFor(ParticipantId recipient, ParticipantId sameKindRecipient,
            String keyManagement) throws Exception {
        SealedNotice sealed = Sealing.sealer(pki.key(FRIVARD)).seal(header(FRIVARD, sameKindRecipient, recipient),
                PAYLOAD, pki.certificates(sameKindRecipient, recipient));
        Path body = write("body.der", sealed.body());
        Path inner = work.resolve("inner.der");
        Path payload = work.resolve("payload.json");

        Result decrypted = openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", body,
                "-recip", pki.result().layout().participantCertificate(recipient), "-inkey", privateKeyPem(recipient),
                "-out", inner);
        assertThat(decrypted.exit()).as(decrypted.output()).isZero();
        Result verified = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", inner,
                "-CAfile", pki.caCertificateFile(), "-purpose", "any", "-out", payload);
        Result printed = openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", body);

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verification successful");
        assertThat(Files.readAllBytes(payload)).isEqualTo(PAYLOAD);
        assertThat(printed.output()).contains("authEnvelopedData", "aes-256-gcm", keyManagement)
                .doesNotContain(keyManagement.equals("rsaesOaep") ? "dhSinglePass" : "rsaesOaep");
    }

    private void assertSambandOpensOpenSslBody(ParticipantId sender, ParticipantId recipient,
            List<String> signOptions, List<String> encryptOptions) throws Exception {
        Path payload = write("payload.json", PAYLOAD);
        Path inner = work.resolve("inner.der");
        Path body = work.resolve("body.der");
        List<Object> sign = new ArrayList<>(List.of("cms", "-sign", "-nodetach", "-binary", "-outform", "DER",
                "-md", "sha256", "-in", payload, "-out", inner,
                "-signer", pki.result().layout().participantCertificate(sender), "-inkey", privateKeyPem(sender)));
        sign.addAll(signOptions);
        Result signed = openssl(sign.toArray());
        assertThat(signed.exit()).as(signed.output()).isZero();
        List<Object> encrypt = new ArrayList<>(List.of("cms", "-encrypt", "-aes-256-gcm", "-binary",
                "-outform", "DER", "-in", inner, "-out", body,
                "-recip", pki.result().layout().participantCertificate(recipient)));
        encrypt.addAll(encryptOptions);
        Result encrypted = openssl(encrypt.toArray());
        assertThat(encrypted.exit()).as(encrypted.output()).isZero();

        CmsNoticeSealer headerSigner = new CmsNoticeSealer(pki.key(sender), NoticeJson.strict(), Clock.systemUTC());
        SealedNotice sealed = headerSigner.sealBody(header(sender, recipient), Files.readAllBytes(body));
        OpenedNotice opened = Sealing.opener().open(sealed, pki.key(recipient));

        assertThat(opened.payload()).isEqualTo(PAYLOAD);
        assertThat(opened.signer()).isEqualTo(pki.certificate(sender));
    }

    /**
     * The value after {@code label} in OpenSSL's {@code -print} dump: the label's line and the indented hex dump
     * lines that follow it.
     */
    private static String field(String printed, String label) {
        String[] lines = printed.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(label);
            if (at < 0) {
                continue;
            }
            StringBuilder value = new StringBuilder(lines[i].substring(at + label.length()).trim());
            int indent = lines[i].length() - lines[i].stripLeading().length();
            for (int j = i + 1; j < lines.length && indent(lines[j]) > indent; j++) {
                value.append('\n').append(lines[j].trim());
            }
            return value.toString();
        }
        return "";
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The participant's key as unencrypted PKCS#8 PEM, for OpenSSL's {@code -inkey}. */
    private Path privateKeyPem(ParticipantId id) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pki.key(id).privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return write(id.value() + ".key", pem.getBytes(StandardCharsets.US_ASCII));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(work.resolve(name), bytes);
    }

    private Result openssl(Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL);
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Result(process.exitValue(), String.join(" ", command) + "\n"
                + new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
