package se.samband.connector.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import se.samband.security.identity.Pseudonymizer;

/**
 * Where the federation's pseudonym key comes from: {@code samband.connector.pseudonym-key} (base64), else the file
 * {@code pseudonym-key-file} (default {@code <pki dir>/pseudonym.key}, base64). Every participant of a federation
 * must hold the same key, or their pseudonyms do not match. For development ({@code dev-pseudonym-key=true}) a
 * missing file is created with a random key, once: connectors sharing a dev PKI directory then share the key.
 */
final class PseudonymKey {
    private PseudonymKey() {
    }

    static Pseudonymizer load(ConnectorProperties properties) {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return Pseudonymizer.fromBase64(properties.pseudonymKey());
        }
        Path file = properties.pseudonymKeyPath();
        try {
            if (!Files.exists(file)) {
                if (!properties.devPseudonymKey()) {
                    throw new IllegalStateException("no pseudonym key: set samband.connector.pseudonym-key-file ("
                            + file + " does not exist)");
                }
                createDevKey(file);
            }
            return Pseudonymizer.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key file " + file, e);
        }
    }

    private static void createDevKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "pseudonym", ".tmp");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            // A link fails if another connector created the file first: then both use that one.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // created by another connector a moment ago
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
