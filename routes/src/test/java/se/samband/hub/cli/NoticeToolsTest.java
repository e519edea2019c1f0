package se.samband.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.samband.hub.SambandMain;

/**
 * The operator's notice tools end to end, on real files: a dev PKI from the demo federation, a notice
 * sealed by hand, verified as the hub does and opened by its recipient; tampering and the wrong key refused.
 */
class NoticeToolsTest {
    private static final String FEDERATION = "../deploy/demo/federation.yaml";

    @TempDir
    static Path dir;
    private static Path pki;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SambandMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @BeforeAll
    static void createPki() {
        pki = dir.resolve("pki");
        CommandLine commandLine = SambandMain.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute("pki", "init", FEDERATION, pki.toString())).isZero();
    }

    private static Path participant(String id, String extension) {
        return pki.resolve("participants").resolve(id + "." + extension);
    }

    private Path sealChildConcern(String name) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path header = dir.resolve(name + "-header.json");
        Files.writeString(header, """
                {"noticeId":"%s","schemaVersion":1,"type":"CHILD_CONCERN_REPORT",
                 "sender":"polisen.gavleborg","recipients":["socialtjanst.bollnas"],
                 "subjects":[{"pseudonym":"ps1:%s","role":"CHILD","protectedIdentity":false}],
                 "purpose":"CHILD_PROTECTION","legalBasis":{"code":"DUTY_CHILD_CONCERN"},
                 "dataCategories":["CHILD_WELFARE"],"protectedIdentity":false,"created":"%s"}
                """.formatted(UUID.randomUUID(), "A".repeat(43), now));
        Path payload = dir.resolve(name + "-payload.json");
        Files.writeString(payload, "{\"concern\":\"witnessed violence\"}");
        Path notice = dir.resolve(name + ".json");
        int code = run("seal", "--key", participant("polisen.gavleborg", "p12").toString(),
                "--header", header.toString(), "--payload", payload.toString(),
                "--recipient", participant("socialtjanst.bollnas", "crt").toString(), "--out", notice.toString());
        assertThat(code).as(err.toString()).isZero();
        return notice;
    }

    @Test
    void pkiInitIsIdempotentAndReportsWhatItReused() {
        assertThat(run("pki", "init", FEDERATION, pki.toString())).isZero();
        assertThat(out.toString()).contains("CA reused", "0 issued");
        assertThat(participant("socialtjanst.bollnas", "p12")).exists();
    }

    @Test
    void sealedNoticeVerifiesAndItsRecipientOpensIt() throws Exception {
        Path notice = sealChildConcern("good");

        assertThat(run("verify", notice.toString(), "--trust", pki.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"type\" : \"CHILD_CONCERN_REPORT\"", "signature  valid",
                "signer is the sender");

        Path payload = dir.resolve("opened.json");
        assertThat(run("open", notice.toString(), "--key", participant("socialtjanst.bollnas", "p12").toString(),
                "--trust", pki.toString(), "--out", payload.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(payload)).isEqualTo("{\"concern\":\"witnessed violence\"}");
        assertThat(out.toString()).contains("from polisen.gavleborg").doesNotContain("witnessed violence");
    }

    @Test
    void aTamperedHeaderIsRefusedWithItsCode() throws Exception {
        Path notice = sealChildConcern("tampered");
        String json = Files.readString(notice);
        String header = json.replaceAll("(?s).*\"header\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        byte[] bytes = Base64.getUrlDecoder().decode(header);
        String altered = new String(bytes, StandardCharsets.UTF_8)
                .replace("socialtjanst.bollnas", "socialtjanst.varberg");
        Files.writeString(notice, json.replace(header,
                Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8))));

        assertThat(run("verify", notice.toString())).isEqualTo(NoticeFiles.REFUSED);
        assertThat(err.toString()).contains("refused: signature_invalid");
    }

    @Test
    void aParticipantTheNoticeIsNotSealedForCannotOpenIt() throws Exception {
        Path notice = sealChildConcern("not-for-you");
        assertThat(run("open", notice.toString(), "--key", participant("socialtjanst.jonkoping", "p12").toString(),
                "--out", dir.resolve("nothing.json").toString())).isEqualTo(NoticeFiles.REFUSED);
        assertThat(err.toString()).contains("refused: not_a_recipient");
        assertThat(dir.resolve("nothing.json")).doesNotExist();
    }

    @Test
    void aRevokedSenderIsReportedByVerify() throws Exception {
        Path revokedPki = dir.resolve("revoked-pki");
        assertThat(run("pki", "init", FEDERATION, revokedPki.toString())).isZero();
        Path notice = dir.resolve("from-revoked.json");
        Files.writeString(dir.resolve("h.json"), Files.readString(sealChildConcern("template-source")
                .resolveSibling("template-source-header.json")));
        int sealed = run("seal", "--key", revokedPki.resolve("participants/polisen.gavleborg.p12").toString(),
                "--header", dir.resolve("h.json").toString(),
                "--payload", dir.resolve("template-source-payload.json").toString(),
                "--recipient", revokedPki.resolve("participants/socialtjanst.bollnas.crt").toString(),
                "--out", notice.toString());
        assertThat(sealed).as(err.toString()).isZero();
        assertThat(run("pki", "revoke", revokedPki.toString(), "polisen.gavleborg")).isZero();

        assertThat(run("verify", notice.toString(), "--trust", revokedPki.toString()))
                .isEqualTo(NoticeFiles.REFUSED);
        assertThat(err.toString()).contains("refused: certificate_revoked");
    }
}
