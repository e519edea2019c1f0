package se.samband.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;

/** Small helpers shared by the hub's tests. */
public final class TestSupport {
    public static final String DEMO_FEDERATION = "/samband/demo/federation.yaml";

    private TestSupport() {
    }

    /** A fresh data directory under target/, so that test runs never touch ./data and mvn clean removes them. */
    public static Path newDataDir(String purpose) {
        try {
            return Files.createDirectories(Path.of("target", "test-data", purpose + "-" + UUID.randomUUID()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo federation's bytes, as packaged by the deploy module. */
    public static byte[] demoFederationBytes() {
        try (InputStream in = TestSupport.class.getResourceAsStream(DEMO_FEDERATION)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_FEDERATION + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo federation read by the security module's loader: the independent expectation for the hub. */
    public static Federation demoFederation() {
        return new FederationLoader().load(new ByteArrayInputStream(demoFederationBytes()), "demo");
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
