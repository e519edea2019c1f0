package se.samband.bench.load;

import java.nio.file.Path;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/**
 * Where the agencies' side of the benchmark connects: a TLS acceptor on 127.0.0.1 that takes client certificates
 * of the dev PKI in {@code pkiDir} (the hub's, or the baseline broker's, which uses the same key stores). The
 * client's TLS is done by {@code tlsProvider} (OPENSSL or JDK), the same as the broker's acceptor.
 */
record BrokerEndpoint(int tlsPort, Path pkiDir, String tlsProvider) {

    /** The core JMS URL an agency connector uses: its own certificate, the federation CA, host verified. */
    String coreUrl(ParticipantId participant) {
        DevPki.Layout layout = new DevPki.Layout(pkiDir);
        String password = DevPki.DEFAULT_PASSWORD;
        return "tcp://127.0.0.1:" + tlsPort + "?sslEnabled=true&verifyHost=true&sslProvider=" + tlsProvider
                + "&keyStoreType=PKCS12&keyStorePath=" + layout.participantKeyStore(participant)
                + "&keyStorePassword=" + password
                + "&trustStoreType=PKCS12&trustStorePath=" + layout.trustStore() + "&trustStorePassword=" + password;
    }
}
