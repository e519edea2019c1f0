package se.samband.hub.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.samband.hub.people.PersonAccounts;
import se.samband.hub.people.PersonRole;

/**
 * {@code samband people add|passwd}: local accounts of operators and security officers in the hub's database, with
 * plain JDBC (no Spring context), like {@code samband audit verify}. The password is read from the terminal without
 * echo, or as the first line of standard input when there is no terminal (scripts); never from the command line,
 * where other users of the machine could see it.
 */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "Local accounts of operators and security officers (samband.people.auth=local).",
        subcommands = {PeopleCommand.Add.class, PeopleCommand.Passwd.class})
class PeopleCommand implements Callable<Integer> {
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** Where the accounts are: the hub's database. */
    static class Database {
        @Option(names = "--db-url", paramLabel = "<jdbc-url>", defaultValue = AuditVerifyCommand.DEFAULT_DB_URL,
                description = {"JDBC URL of the hub's database.", "Default: the embedded H2 file ./data/db/samband"
                        + " (stop the hub first: it keeps the file locked)."})
        String url;

        @Option(names = "--db-user", paramLabel = "<user>", defaultValue = "sa",
                description = "Default: ${DEFAULT-VALUE}.")
        String user;

        @Option(names = "--db-password", paramLabel = "<password>", defaultValue = "",
                description = "Default: empty.")
        String password;

        PersonAccounts accounts() {
            return new PersonAccounts(new JdbcTemplate(new DriverManagerDataSource(url, user, password)),
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC());
        }
    }

    /** Shared by both subcommands: the password prompt and the error reporting. */
    abstract static class AccountCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Database database;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(database.accounts(), spec.commandLine().getOut());
            } catch (IllegalArgumentException e) {
                err.println("refused: " + e.getMessage());
            } catch (DataAccessException e) {
                err.println("cannot open the accounts: " + e.getClass().getSimpleName() + "; check --db-url, stop"
                        + " the hub if it runs on the embedded database, and start it once first so that its"
                        + " migrations have created the tables");
            } catch (IOException e) {
                err.println("cannot read the password: " + e.getMessage());
            }
            err.flush();
            return FAILED;
        }

        abstract int run(PersonAccounts accounts, PrintWriter out) throws IOException;

        /** The new password, typed twice on a terminal, or the first line of standard input. */
        String newPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New password (at least %d characters): ",
                        PersonAccounts.MIN_PASSWORD_LENGTH);
                char[] again = console.readPassword("Again: ");
                try {
                    if (first == null || !Arrays.equals(first, again)) {
                        throw new IllegalArgumentException("the two passwords differ");
                    }
                    return new String(first);
                } finally {
                    Arrays.fill(first == null ? new char[0] : first, ' ');
                    Arrays.fill(again == null ? new char[0] : again, ' ');
                }
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a local account. The password is asked for (or read from the first line of",
                "standard input)."})
    static class Add extends AccountCommand {
        @Parameters(paramLabel = "<account>", description = "Lower-case letters, digits, '.', '_', '-'; starts"
                + " with a letter. Never a person's name or number: it appears in the audit trail.")
        String username;

        @Option(names = "--role", required = true, split = ",", paramLabel = "<role>",
                description = "OPERATOR, SECURITY_OFFICER (comma-separated for both).")
        Set<PersonRole> roles;

        @Override
        int run(PersonAccounts accounts, PrintWriter out) throws IOException {
            if (accounts.find(username).isPresent()) {
                throw new IllegalArgumentException("the account " + username + " exists; use samband people passwd");
            }
            accounts.create(username, newPassword(), roles, true);
            out.println("added " + username + " " + roles);
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Set a new password for a local account (asked for, or read from the first line of",
                "standard input)."})
    static class Passwd extends AccountCommand {
        @Parameters(paramLabel = "<account>")
        String username;

        @Override
        int run(PersonAccounts accounts, PrintWriter out) throws IOException {
            if (accounts.find(username).isEmpty()) {
                throw new IllegalArgumentException("no account " + username);
            }
            accounts.changePassword(username, newPassword());
            out.println("password changed for " + username);
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
