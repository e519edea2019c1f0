package se.samband.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samband.hub.SambandMain;
import se.samband.hub.TestSupport;
import se.samband.hub.audit.AuditProperties;
import se.samband.hub.audit.AuditTestBed;
import se.samband.hub.audit.AuditWriter;
import se.samband.notice.NoticeType;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/** {@code samband audit verify} in-process on an H2 file the audit writer filled. */
class AuditVerifyCommandTest {
    private static AuditTestBed bed;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startBroker() throws Exception {
        bed = AuditTestBed.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        bed.close();
    }

    @Test
    void reportsAnIntactTrailThenThePositionOfAnEditedRow() {
        String url = writeTrail(5);
        String trust = AuditTestBed.pki().layout().dir().toString();

        assertThat(run("audit", "verify", "--db-url", url, "--trust", trust)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("entries checked      5", "OK").doesNotContain("BROKEN");
        assertThat(out.toString()).containsPattern("checkpoints checked  [1-9]");

        new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
                .update("UPDATE audit_entry SET reason_code = 'consent_denied' WHERE position = 3");
        out.getBuffer().setLength(0);

        assertThat(run("audit", "verify", "--db-url", url, "--trust", trust)).isEqualTo(4);
        assertThat(out.toString()).contains("entries checked      2", "BROKEN at position 3: HASH_MISMATCH")
                .doesNotContain("consent_denied");
    }

    @Test
    void refusesToVerifyWithoutTheHubsCertificate() {
        String url = writeTrail(1);
        Path emptyPki = TestSupport.newDataDir("no-pki");

        assertThat(run("audit", "verify", "--db-url", url, "--trust", emptyPki.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("participants/samband.hub.crt");
    }

    @Test
    void saysSoWhenThereIsNoDatabaseInsteadOfCreatingAnEmptyOne() {
        Path missing = TestSupport.newDataDir("no-db").resolve("db").resolve("samband");
        String url = AuditVerifyCommand.DEFAULT_DB_URL.replace("./data/db/samband", missing.toString());

        assertThat(run("audit", "verify", "--db-url", url, "--trust",
                AuditTestBed.pki().layout().dir().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot verify", "--db-url");
        assertThat(missing.resolveSibling("samband.mv.db")).doesNotExist();
    }

    @Test
    void explainsThatTheEmbeddedDatabaseIsInUseWhileAnotherProcessHoldsIt() throws Exception {
        String url = writeTrail(1);
        // Another JVM holds the file open, as the running hub does (AUTO_SERVER=FALSE).
        String java = ProcessHandle.current().info().command().orElse("java");
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process holder = new ProcessBuilder(java, "-cp", h2, "org.h2.tools.Shell", "-url", url, "-user", "sa")
                .redirectErrorStream(true).start();
        try {
            // The shell prints its prompt once it has opened (and locked) the file; a loaded machine can take a while.
            awaitPrompt(holder, Duration.ofSeconds(120));
            String trust = AuditTestBed.pki().layout().dir().toString();
            assertThat(run("audit", "verify", "--db-url", url, "--trust", trust)).isEqualTo(1);
            assertThat(err.toString()).contains("the database file is in use", "Stop the hub");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void helpTellsThatTheHubLocksItsEmbeddedDatabase() {
        assertThat(run("audit", "verify", "--help")).isZero();
        assertThat(out.toString()).contains("--db-url", "--trust", "locked while the hub runs", "./data/pki");
    }

    /** A migrated H2 file with {@code count} entries from the real writer, which is stopped again. */
    private static String writeTrail(int count) {
        String url = AuditTestBed.h2FileUrl(TestSupport.newDataDir("audit-cli").resolve("db").resolve("samband"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        AuditTestBed.migrate(dataSource);
        AuditWriter writer = bed.writer(dataSource, new AuditProperties(200, 200, Duration.ofMillis(5),
                Duration.ofMillis(5), 2, Duration.ofHours(1)));
        writer.start();
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < count; i++) {
                bed.send(AuditEvent.builder(AuditEventType.RECEIPT_RECORDED, now, "socialtjanst.bollnas")
                        .noticeId(UUID.randomUUID()).counterpart("socialtjanst.bollnas")
                        .noticeType(NoticeType.DECLINED).reasonCode("not_our_case").build());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.headPosition() == count);
        } finally {
            writer.stop();
        }
        return url;
    }

    private static void awaitPrompt(Process shell, Duration limit) throws Exception {
        CompletableFuture<Boolean> prompt = CompletableFuture.supplyAsync(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                int c;
                while ((c = reader.read()) >= 0) {
                    seen.append((char) c);
                    if (seen.indexOf("sql>") >= 0) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(prompt.get(limit.toSeconds(), TimeUnit.SECONDS))
                .as("the H2 shell opened the database").isTrue();
    }

    private int run(String... args) {
        var commandLine = SambandMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
