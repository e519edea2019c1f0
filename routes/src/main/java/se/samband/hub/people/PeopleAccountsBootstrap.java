package se.samband.hub.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure people can log in after the first start. Configured accounts ({@code samband.people.accounts}) are
 * created or updated with their password. If the database then holds no account at all, {@code operator} (role
 * OPERATOR) and {@code security} (role SECURITY_OFFICER) are created with random passwords, which are written once
 * to {@code <data-dir>/people-accounts.txt} (owner read/write only); the log says where, never what.
 */
public final class PeopleAccountsBootstrap {
    public static final String FILE_NAME = "people-accounts.txt";
    /** The accounts created on first start, in the order they are written to the file. */
    static final Map<String, PersonRole> FIRST_ACCOUNTS = firstAccounts();
    private static final Logger log = LoggerFactory.getLogger(PeopleAccountsBootstrap.class);
    private static final int PASSWORD_BYTES = 18;

    private static Map<String, PersonRole> firstAccounts() {
        Map<String, PersonRole> first = new LinkedHashMap<>();
        first.put("operator", PersonRole.OPERATOR);
        first.put("security", PersonRole.SECURITY_OFFICER);
        return first;
    }

    private final PersonAccounts accounts;
    private final SecureRandom random = new SecureRandom();

    public PeopleAccountsBootstrap(PersonAccounts accounts) {
        this.accounts = accounts;
    }

    /** The file that holds the first accounts' passwords in this data directory. */
    public static Path passwordsFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /**
     * @param configured  accounts from the configuration, created or updated
     * @param createFirst whether to create the two first accounts when there is none (the embedded default)
     * @param dataDir     where the passwords file goes
     */
    public void run(Iterable<PeopleProperties.ConfiguredAccount> configured, boolean createFirst, Path dataDir,
                    Clock clock) {
        for (PeopleProperties.ConfiguredAccount account : configured) {
            accounts.createOrUpdate(account.username(), account.password(), account.roles(), account.enabled());
            log.info("People account {} set from the configuration (roles {})", account.username(), account.roles());
        }
        if (!createFirst || accounts.count() > 0) {
            return;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        FIRST_ACCOUNTS.keySet().forEach(name -> passwords.put(name, newPassword()));
        Path file = passwordsFile(dataDir);
        // The file first: an account whose password was never written down would lock everybody out.
        write(file, passwords, clock);
        passwords.forEach((name, password) ->
                accounts.create(name, password, Set.of(FIRST_ACCOUNTS.get(name)), true));
        log.info("Created the people accounts {} on first start; their passwords are in {} (readable by this user"
                + " only). Log in on the people port and change them with `samband people passwd`.",
                FIRST_ACCOUNTS.keySet(), file);
    }

    private String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Map<String, String> passwords, Clock clock) {
        StringBuilder text = new StringBuilder()
                .append("# Samband people accounts, created ").append(clock.instant()).append(" on first start.\n")
                .append("# account  password  role; change the passwords with `samband people passwd <account>`,\n")
                .append("# then delete this file.\n");
        passwords.forEach((name, password) -> text.append(name).append("  ").append(password).append("  ")
                .append(FIRST_ACCOUNTS.get(name)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
