package se.samband.hub.officer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import se.samband.security.identity.Pseudonymizer;

/**
 * The federation's pseudonym key for the hub, where the connectors keep theirs: {@code samband.officer.pseudonym-key}
 * (base64), else the file {@code samband.officer.pseudonym-key-file}, default {@code <pki dir>/pseudonym.key}. With
 * a development PKI a missing file is created with a random key (owner-only), once; connectors that share the dev
 * PKI directory then use the same key, so their pseudonyms and the officer's agree.
 */
final class HubPseudonymKey {
    static final String FILE_NAME = "pseudonym.key";

    private HubPseudonymKey() {
    }

    static Pseudonymizer load(OfficerProperties properties, Path pkiDir, boolean devInit) {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return Pseudonymizer.fromBase64(properties.pseudonymKey());
        }
        Path file = properties.pseudonymKeyFile() != null ? properties.pseudonymKeyFile() : pkiDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                if (!devInit) {
                    throw new IllegalStateException("no pseudonym key: set samband.officer.pseudonym-key-file ("
                            + file + " does not exist)");
                }
                createDevKey(file.toAbsolutePath());
            }
            return Pseudonymizer.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key file " + file, e);
        }
    }

    private static void createDevKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "pseudonym", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            // A link fails if a connector created the file a moment ago: then both use that one.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // created by someone else meanwhile
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
