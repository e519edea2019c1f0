package se.samband.hub.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.samband.hub.audit.AuditVerification;
import se.samband.hub.audit.JdbcAuditLog;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.ChainVerification;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;

/**
 * {@code samband audit verify}: recomputes the audit chain from the database and checks every checkpoint
 * against the hub's certificate. Plain JDBC, no Spring context, so it runs beside (PostgreSQL) or instead of
 * (embedded H2) the hub.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
            "Verify that the audit trail is intact: every entry's position, link and hash,",
            "and every signed checkpoint, trusting only the hub's certificate. Prints the",
            "entries and checkpoints checked, then OK or the first broken position and",
            "what is wrong there.",
            "",
            "The embedded H2 database file is locked while the hub runs: stop the hub",
            "first, or verify a copy of data/db, or use PostgreSQL (--db-url",
            "jdbc:postgresql://...).",
            "",
            "Exit code 0 when intact, 4 when broken, 1 when the trail could not be read."})
class AuditVerifyCommand implements Callable<Integer> {
    /** Exit code for a trail that verification found broken. */
    static final int BROKEN = 4;
    static final int UNREADABLE = 1;
    /**
     * The hub's embedded database with the options of application.yml, plus IFEXISTS so that a wrong
     * directory is reported instead of creating an empty database that would "verify".
     */
    static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/db/samband;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;"
            + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;IFEXISTS=TRUE";
    /** H2's "database may be already in use": another process (the hub) holds the file lock. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", defaultValue = DEFAULT_DB_URL,
            description = {"JDBC URL of the hub's database.", "Default: the embedded H2 file ./data/db/samband."})
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "<user>", defaultValue = "sa", description = "Default: ${DEFAULT-VALUE}.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>", defaultValue = "", arity = "0..1",
            interactive = false, description = "Default: empty.")
    String dbPassword;

    @Option(names = "--trust", paramLabel = "<pki-dir>", defaultValue = "./data/pki",
            description = {"PKI directory with the hub's certificate", "participants/samband.hub.crt.",
                "Default: ${DEFAULT-VALUE}"})
    Path trust;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path certificateFile = new DevPki.Layout(trust).participantCertificate(ParticipantId.HUB);
        if (!Files.isRegularFile(certificateFile)) {
            err.printf("cannot verify: the hub's certificate %s does not exist (use --trust <pki-dir>)%n",
                    certificateFile);
            err.flush();
            return UNREADABLE;
        }
        X509Certificate hubCertificate = Pem.readCertificate(certificateFile);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(dbUrl, dbUser, dbPassword);
        ChainVerification result;
        try {
            result = new AuditVerification(new JdbcAuditLog(dataSource), List.of(hubCertificate)).verify();
        } catch (DataAccessException e) {
            err.println("cannot verify: " + unreadable(e));
            err.flush();
            return UNREADABLE;
        } catch (SambandException e) {
            err.printf("cannot verify: %s%n", e.code().code());
            err.flush();
            return UNREADABLE;
        }
        out.printf("entries checked      %d%n", result.entriesChecked());
        out.printf("checkpoints checked  %d%n", result.checkpointsChecked());
        if (result.ok()) {
            out.println("OK");
            out.flush();
            return CommandLine.ExitCode.OK;
        }
        out.printf("BROKEN at position %d: %s: %s%n", result.firstBrokenPosition(), result.problem(),
                result.message());
        out.flush();
        return BROKEN;
    }

    /** A sentence for the operator; the driver's own text may quote data, so only its state and code. */
    private static String unreadable(DataAccessException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql) {
            if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "the database file is in use: the hub keeps its embedded H2 database locked while it runs"
                        + " (AUTO_SERVER=FALSE). Stop the hub, or verify a copy of data/db.";
            }
            return "the database could not be read (SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode()
                    + "); check --db-url, --db-user and --db-password, and that the hub's migrations have run";
        }
        return "the database could not be read (" + e.getClass().getSimpleName() + ")";
    }
}
