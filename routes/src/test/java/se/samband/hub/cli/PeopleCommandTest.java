package se.samband.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samband.hub.SambandMain;
import se.samband.hub.TestSupport;

/** {@code samband people add|passwd} in-process on an H2 file migrated like the hub's; passwords on stdin. */
class PeopleCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private String url;

    @BeforeEach
    void database() {
        Path file = TestSupport.newDataDir("people-cli").resolve("db").resolve("samband");
        url = AuditVerifyCommand.DEFAULT_DB_URL.replace("./data/db/samband", file.toString())
                .replace(";IFEXISTS=TRUE", "");
        Flyway.configure().dataSource(new DriverManagerDataSource(url, "sa", "")).locations("classpath:db/migration")
                .load().migrate();
    }

    @Test
    void addsAnAccountThenChangesItsPasswordReadFromStandardInput() {
        assertThat(run("kim-officer-password\n", "people", "add", "kim", "--role", "SECURITY_OFFICER",
                "--db-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added kim [SECURITY_OFFICER]").doesNotContain("kim-officer-password");
        assertThat(encoder.matches("kim-officer-password", hash("kim"))).isTrue();

        assertThat(run("a-brand-new-password\n", "people", "passwd", "kim", "--db-url", url)).isZero();
        assertThat(encoder.matches("a-brand-new-password", hash("kim"))).isTrue();
    }

    @Test
    void refusesAShortPasswordAnExistingOrUnknownAccountAndABadName() {
        assertThat(run("short\n", "people", "add", "kim", "--role", "OPERATOR", "--db-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(run("long-enough-password\n", "people", "add", "kim", "--role", "OPERATOR", "--db-url", url))
                .isZero();
        assertThat(run("long-enough-password\n", "people", "add", "kim", "--role", "OPERATOR", "--db-url", url))
                .isEqualTo(1);
        assertThat(run("long-enough-password\n", "people", "passwd", "nobody", "--db-url", url)).isEqualTo(1);
        assertThat(run("long-enough-password\n", "people", "add", "640823-3234", "--role", "OPERATOR",
                "--db-url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("no account nobody").doesNotContain("long-enough-password");
    }

    private String hash(String username) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")).queryForObject(
                "SELECT password_hash FROM person_account WHERE username = ?", String.class, username);
    }

    private int run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            var commandLine = SambandMain.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute(args);
        } finally {
            System.setIn(original);
        }
    }
}
