package se.samband.hub.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The only login of the plain acceptor (61616): the hub-internal user, for the hub's own tools on the same machine
 * (load generator, Artemis CLI). Its password is generated on first start into {@code <data-dir>/hub-internal.password}
 * (owner read/write only) and read from there afterwards; whoever can read the data directory can also read the
 * journal, so this grants nothing more than file access already does.
 */
public final class HubInternalUser {
    /** The user name of the plain acceptor's only login. */
    public static final String NAME = "samband-hub-internal";
    static final String FILE_NAME = "hub-internal.password";
    private static final int PASSWORD_BYTES = 32;

    private HubInternalUser() {
    }

    /** The password file for this data directory. */
    public static Path passwordFile(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Reads the password, creating the file with a new random password when it does not exist. */
    static String password(Path dataDir) {
        Path file = passwordFile(dataDir);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[PASSWORD_BYTES];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to have a new password generated");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
