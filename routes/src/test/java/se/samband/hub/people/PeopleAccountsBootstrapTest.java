package se.samband.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samband.hub.TestSupport;

/** Local accounts and the first start's accounts, on H2 migrated by the hub's Flyway scripts. */
@ExtendWith(OutputCaptureExtension.class)
class PeopleAccountsBootstrapTest {
    /** Spring's delegating encoder with a cheap bcrypt cost: the hub's is 10, which costs seconds per test here. */
    private final PasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
            Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    private static JdbcTemplate jdbc;
    private PersonAccounts accounts;
    private Path dataDir;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void noAccounts() {
        jdbc.update("DELETE FROM person_account");
        accounts = new PersonAccounts(jdbc, encoder, Clock.systemUTC());
        dataDir = TestSupport.newDataDir("people-bootstrap");
    }

    @Test
    void firstStartCreatesOperatorAndSecurityWithPasswordsOnlyInAnOwnerOnlyFile(CapturedOutput output)
            throws Exception {
        new PeopleAccountsBootstrap(accounts).run(List.of(), true, dataDir, Clock.systemUTC());

        Path file = dataDir.resolve("people-accounts.txt");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Map<String, String> passwords = passwords(file);
        assertThat(passwords).containsOnlyKeys("operator", "security");
        assertThat(accounts.list()).containsExactly(
                new PersonAccounts.Account("operator", Set.of(PersonRole.OPERATOR), true),
                new PersonAccounts.Account("security", Set.of(PersonRole.SECURITY_OFFICER), true));
        String hash = jdbc.queryForObject("SELECT password_hash FROM person_account WHERE username = 'operator'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches(passwords.get("operator"), hash)).isTrue();
        assertThat(output.getOut()).contains(file.toString());
        passwords.values().forEach(password -> assertThat(output.getOut()).doesNotContain(password));
    }

    @Test
    void laterStartsChangeNothing() throws Exception {
        PeopleAccountsBootstrap bootstrap = new PeopleAccountsBootstrap(accounts);
        bootstrap.run(List.of(), true, dataDir, Clock.systemUTC());
        String first = Files.readString(dataDir.resolve("people-accounts.txt"));

        bootstrap.run(List.of(), true, dataDir, Clock.systemUTC());

        assertThat(Files.readString(dataDir.resolve("people-accounts.txt"))).isEqualTo(first);
        assertThat(accounts.count()).isEqualTo(2);
    }

    @Test
    void configuredAccountsAreCreatedOrUpdatedAndNoRandomOnesAppear() {
        PeopleAccountsBootstrap bootstrap = new PeopleAccountsBootstrap(accounts);
        bootstrap.run(List.of(configured("demo-officer", "first-password-1", PersonRole.SECURITY_OFFICER)),
                true, dataDir, Clock.systemUTC());
        bootstrap.run(List.of(configured("demo-officer", "second-password-2", PersonRole.SECURITY_OFFICER)),
                true, dataDir, Clock.systemUTC());

        assertThat(accounts.list()).extracting(PersonAccounts.Account::username).containsExactly("demo-officer");
        assertThat(dataDir.resolve("people-accounts.txt")).doesNotExist();
        assertThat(encoder.matches("second-password-2", accounts.loadUserByUsername("demo-officer").getPassword()))
                .isTrue();
        assertThat(accounts.loadUserByUsername("demo-officer").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_SECURITY_OFFICER");
    }

    @Test
    void withOidcNoAccountsAreMadeUp() {
        new PeopleAccountsBootstrap(accounts).run(List.of(), false, dataDir, Clock.systemUTC());

        assertThat(accounts.count()).isZero();
        assertThat(dataDir.resolve("people-accounts.txt")).doesNotExist();
    }

    @Test
    void accountNamesCannotLookLikeAPersonalIdentityNumberAndPasswordsAreNotShort() {
        assertThatThrownBy(() -> accounts.create("640823-3234", "long-enough-password", Set.of(PersonRole.OPERATOR),
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("640823");
        assertThatThrownBy(() -> accounts.create("Anna Svensson", "long-enough-password",
                Set.of(PersonRole.OPERATOR), true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.create("anna", "short", Set.of(PersonRole.OPERATOR), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.create("anna", "long-enough-password", Set.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        accounts.create("former", "long-enough-password", Set.of(PersonRole.OPERATOR), false);

        assertThat(accounts.loadUserByUsername("former").isEnabled()).isFalse();
    }

    @Test
    void passwordsChangeAndOldHashesAreUpgraded() {
        accounts.create("anna", "long-enough-password", Set.of(PersonRole.OPERATOR), true);
        assertThat(accounts.changePassword("anna", "another-long-password")).isTrue();
        assertThat(accounts.changePassword("nobody", "another-long-password")).isFalse();
        assertThat(encoder.matches("another-long-password", accounts.loadUserByUsername("anna").getPassword()))
                .isTrue();

        accounts.updatePassword(accounts.loadUserByUsername("anna"), "{noop}upgraded");

        assertThat(accounts.loadUserByUsername("anna").getPassword()).isEqualTo("{noop}upgraded");
    }

    private static PeopleProperties.ConfiguredAccount configured(String name, String password, PersonRole role) {
        return new PeopleProperties.ConfiguredAccount(name, password, Set.of(role), true);
    }

    private static Map<String, String> passwords(Path file) throws Exception {
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.strip().split("\\s+");
            if (!line.startsWith("#") && fields.length == 3) {
                passwords.put(fields[0], fields[1]);
            }
        }
        return passwords;
    }
}
