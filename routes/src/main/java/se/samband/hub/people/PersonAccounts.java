package se.samband.hub.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local accounts of people (table {@code person_account}, {@code V7__people.sql}): the embedded default's login.
 * Passwords are stored only as {@link PasswordEncoder} hashes ({@code {bcrypt}...}); a hash in an older format is
 * re-hashed at the next successful login ({@link UserDetailsPasswordService}).
 */
public class PersonAccounts implements UserDetailsService, UserDetailsPasswordService {
    /** Starts with a letter, so an account id is never shaped like a personal identity number (it is audited). */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    /** Below this a password is refused when an account is created or its password changed. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public PersonAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** One account as stored, without its hash. */
    public record Account(String username, Set<PersonRole> roles, boolean enabled) {
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM person_account", Long.class);
        return count == null ? 0 : count;
    }

    public List<Account> list() {
        return jdbc.query("SELECT username, roles, enabled FROM person_account ORDER BY username",
                (rs, row) -> account(rs));
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT username, roles, enabled FROM person_account WHERE username = ?",
                (rs, row) -> account(rs), username).stream().findFirst();
    }

    /** Creates the account; false if one with this name exists already (nothing changes then). */
    public boolean create(String username, String password, Set<PersonRole> roles, boolean enabled) {
        checkUsername(username);
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        if (find(username).isPresent()) {
            return false;
        }
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO person_account (username, password_hash, roles, enabled, created_at,"
                        + " password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                username, encoder.encode(password), roles(roles), enabled, now, now);
        return true;
    }

    /** Creates the account, or sets the password, roles and enabled flag of the existing one. */
    public void createOrUpdate(String username, String password, Set<PersonRole> roles, boolean enabled) {
        if (!create(username, password, roles, enabled)) {
            checkPassword(password);
            jdbc.update("UPDATE person_account SET password_hash = ?, roles = ?, enabled = ?, password_changed_at = ?"
                    + " WHERE username = ?", encoder.encode(password), roles(roles), enabled, now(), username);
        }
    }

    /** Sets a new password; false if there is no such account. */
    public boolean changePassword(String username, String password) {
        checkPassword(password);
        return jdbc.update("UPDATE person_account SET password_hash = ?, password_changed_at = ? WHERE username = ?",
                encoder.encode(password), now(), username) == 1;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "SELECT username, password_hash, roles, enabled FROM person_account WHERE username = ?",
                (rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(roles(rs.getString("roles")).stream().map(PersonRole::authority)
                                .toArray(String[]::new))
                        .disabled(!rs.getBoolean("enabled"))
                        .build(),
                username);
        if (found.isEmpty()) {
            // The name is not repeated: a mistyped password in the name field must not reach any log.
            throw new UsernameNotFoundException("no such account");
        }
        return found.get(0);
    }

    /** Called by Spring Security after a login whose stored hash should be upgraded; the new hash is given. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        jdbc.update("UPDATE person_account SET password_hash = ? WHERE username = ?",
                newEncodedPassword, user.getUsername());
        return User.withUserDetails(user).password(newEncodedPassword).build();
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("an account name is a lower-case letter followed by at most 63"
                    + " lower-case letters, digits, '.', '_' or '-'");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("username"), roles(rs.getString("roles")), rs.getBoolean("enabled"));
    }

    static String roles(Set<PersonRole> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<PersonRole> roles(String stored) {
        Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(PersonRole::parse).forEach(roles::add);
        return roles;
    }
}
