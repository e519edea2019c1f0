package se.samband.demo.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports of one demo run: the hub's (APIs, people, management, broker plain and TLS) and the first of the
 * connectors' local APIs, which follow one another.
 */
public record Ports(int api, int people, int management, int broker, int brokerTls, int firstConnector) {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** The ports {@code samband hub} uses, and connectors from 9101: what the README points at. */
    public static Ports standard() {
        return new Ports(8443, 8444, 8080, 61616, 61617, 9101);
    }

    /** Free ports for a test run beside anything else on the machine. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), -1);
    }

    /** The local API port of the n-th connector (0-based); with free ports, any free port. */
    public int connector(int index) {
        return firstConnector < 0 ? freePort() : firstConnector + index;
    }

    /**
     * A free port this JVM has not handed out before: the OS may offer a just-closed probe port again, and a hub given
     * one port twice (say for its API and its management server) does not start.
     */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
