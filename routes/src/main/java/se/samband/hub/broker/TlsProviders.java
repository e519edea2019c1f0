package se.samband.hub.broker;

import io.netty.handler.ssl.OpenSsl;
import se.samband.hub.system.HubProperties.TlsProvider;

/**
 * Which TLS implementation the agencies' acceptor uses. BoringSSL (Netty's OPENSSL provider, from
 * netty-tcnative-boringssl-static) does the same TLS 1.3/1.2 with the same key store, trust store and client
 * certificates as the JDK's SSLEngine, at a fraction of the CPU per message (bench/RESULTS.md): every notice crosses
 * the acceptor at least twice (in from its sender, out to its recipient, plus the receipt). AUTO falls back to the JDK
 * where the native library does not load; the broker's start-up line and health details say which one runs.
 */
final class TlsProviders {
    static final String OPENSSL = "OPENSSL";
    static final String JDK = "JDK";

    private TlsProviders() {
    }

    /** The Artemis {@code sslProvider} value for {@code configured}. */
    static String effective(TlsProvider configured) {
        return switch (configured) {
            case OPENSSL -> OPENSSL;
            case JDK -> JDK;
            case AUTO -> OpenSsl.isAvailable() ? OPENSSL : JDK;
        };
    }
}
