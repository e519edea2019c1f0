package se.samband.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/** An agency's side of TLS in tests: its key store from a DevPki directory, client URLs and an SSLContext. */
public final class AgencyTls {
    public static final String PASSWORD = DevPki.DEFAULT_PASSWORD;
    private static Path foreignPki;

    private AgencyTls() {
    }

    public static Path keyStore(Path pkiDir, ParticipantId participant) {
        return new DevPki.Layout(pkiDir).participantKeyStore(participant);
    }

    public static Path trustStore(Path pkiDir) {
        return new DevPki.Layout(pkiDir).trustStore();
    }

    /** A core JMS URL as an agency's connector uses it: client certificate, the federation CA, host verified. */
    public static String coreUrl(int port, Path keyStore, Path trustStore) {
        return "tcp://127.0.0.1:" + port + "?sslEnabled=true&verifyHost=true"
                + "&keyStoreType=PKCS12&keyStorePath=" + keyStore + "&keyStorePassword=" + PASSWORD
                + "&trustStoreType=PKCS12&trustStorePath=" + trustStore + "&trustStorePassword=" + PASSWORD;
    }

    /**
     * A core JMS URL over TLS without a client certificate. With TLS 1.3 the client learns of a refused certificate
     * only when the server drops the connection, after its handshake looked done: a short call timeout keeps a
     * refusal test from waiting the default 30 s.
     */
    public static String coreUrlWithoutCertificate(int port, Path trustStore) {
        return "tcp://127.0.0.1:" + port + "?sslEnabled=true&callTimeout=3000"
                + "&trustStoreType=PKCS12&trustStorePath=" + trustStore + "&trustStorePassword=" + PASSWORD;
    }

    /** {@link #coreUrl} with a short call timeout, for a connection that is expected to be refused. */
    public static String coreUrlExpectingRefusal(int port, Path keyStore, Path trustStore) {
        return coreUrl(port, keyStore, trustStore) + "&callTimeout=3000";
    }

    /** An AMQP 1.0 (Qpid JMS) URL with the client certificate. */
    public static String amqpUrl(int port, Path keyStore, Path trustStore) {
        return "amqps://127.0.0.1:" + port + "?transport.keyStoreType=PKCS12&transport.keyStoreLocation=" + keyStore
                + "&transport.keyStorePassword=" + PASSWORD
                + "&transport.trustStoreType=PKCS12&transport.trustStoreLocation=" + trustStore
                + "&transport.trustStorePassword=" + PASSWORD;
    }

    /** TLS context of a client: this key store (null for none) and trust store. */
    public static SSLContext sslContext(Path keyStore, Path trustStore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore == null ? null : load(keyStore), PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyStore == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second development PKI for the same participant ids, under another CA: its certificates look right but do
     * not chain to the hub's federation CA. Created once per JVM.
     */
    public static synchronized Path foreignPki() {
        if (foreignPki == null) {
            Path dir = TestSupport.newDataDir("foreign-pki");
            DevPki.init(TestSupport.demoFederation(), dir, DevPki.Options.defaults());
            foreignPki = dir;
        }
        return foreignPki;
    }

    private static KeyStore load(Path file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
