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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;

/** Small helpers shared by the hub's tests. */
public final class TestSupport {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
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

    /**
     * A TCP port that was free a moment ago and that this JVM has not handed out before: the operating system may
     * offer a port again as soon as its probe socket is closed, and a hub started with the same port twice (e.g. for
     * its API and its management server) fails to start.
     */
    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
