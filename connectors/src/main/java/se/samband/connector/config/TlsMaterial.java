package se.samband.connector.config;

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

/** The connector's side of TLS to the hub: its PKCS#12 key store as client certificate, the federation CA as trust. */
public final class TlsMaterial {
    private TlsMaterial() {
    }

    public static SSLContext sslContext(Path keyStore, Path trustStore, char[] password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context from " + keyStore + " and " + trustStore, e);
        }
    }

    /** The Artemis core client URL for the hub's TLS acceptor, with client certificate and host verification. */
    public static String brokerUrl(String hostAndPort, Path keyStore, Path trustStore, String password) {
        return "tcp://" + hostAndPort + "?sslEnabled=true&verifyHost=true"
                + "&keyStoreType=PKCS12&keyStorePath=" + keyStore.toAbsolutePath() + "&keyStorePassword=" + password
                + "&trustStoreType=PKCS12&trustStorePath=" + trustStore.toAbsolutePath()
                + "&trustStorePassword=" + password
                // fail a send quickly while the hub is down: the outbox retries it with back-off
                + "&callTimeout=10000&connectionTTL=60000";
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key store " + file, e);
        }
    }
}
