package se.samband.hub.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTPS port for people (operators, security officers), {@code samband.people.port}: the hub's server
 * certificate, no client certificate. A request is told apart from an agency's (on {@code server.port}, mTLS) by the
 * local port it arrived on, so that participant authentication never runs there and people's login never runs on the
 * agencies' port. With port 0 the connector binds a free port and {@link #bind} records it once it listens.
 */
public final class PeoplePort {
    private final int configured;
    private volatile int bound;

    public PeoplePort(int configured) {
        if (configured < 0 || configured > 65535) {
            throw new IllegalArgumentException("samband.people.port must be 0..65535, not " + configured);
        }
        this.configured = configured;
        this.bound = configured;
    }

    /** The port people connect to: the configured one, or the one the connector bound when configured as 0. */
    public int port() {
        return bound;
    }

    /** The port in the configuration (0: any free port). */
    public int configured() {
        return configured;
    }

    /** Records the port the connector listens on (the same as configured unless that was 0). */
    public void bind(int localPort) {
        this.bound = localPort;
    }

    /** Whether the request came in on the people port. */
    public boolean matches(HttpServletRequest request) {
        int port = bound;
        return port > 0 && request.getLocalPort() == port;
    }

    @Override
    public String toString() {
        return "PeoplePort[" + bound + "]";
    }
}
