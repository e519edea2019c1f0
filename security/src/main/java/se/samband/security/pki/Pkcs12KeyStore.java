package se.samband.security.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * {@link PrivateKeyAccess} backed by a PKCS#12 file holding one private key and its chain (leaf
 * first). The key is read once, at {@link #load}; the password is used and not kept. Every
 * failure (missing file, wrong password, no or several key entries) is {@code key_unavailable},
 * naming the file but never the password.
 */
public final class Pkcs12KeyStore implements PrivateKeyAccess {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private Pkcs12KeyStore(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** Loads the file's only key entry; fails if it holds none or several. */
    public static Pkcs12KeyStore load(Path p12, char[] password) {
        return load(p12, password, null);
    }

    /** Loads the key entry with this alias (null: the only key entry). */
    public static Pkcs12KeyStore load(Path p12, char[] password, String alias) {
        String file = String.valueOf(p12.getFileName());
        KeyStore store = open(p12, password, file);
        try {
            String chosen = alias != null ? alias : onlyKeyAlias(store, file);
            if (!store.isKeyEntry(chosen)) {
                throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "no key entry '" + chosen + "' in " + file);
            }
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "entry '" + chosen + "' in " + file
                        + " is not a private key");
            }
            Certificate[] certificates = store.getCertificateChain(chosen);
            if (certificates == null || certificates.length == 0) {
                throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "entry '" + chosen + "' in " + file
                        + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            if (!chain.get(0).getPublicKey().getAlgorithm().equals(privateKey.getAlgorithm())) {
                throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "entry '" + chosen + "' in " + file
                        + " holds a certificate of another key type");
            }
            return new Pkcs12KeyStore(privateKey, chain);
        } catch (GeneralSecurityException e) {
            throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "cannot read the key in " + file, e);
        }
    }

    @Override
    public PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public String toString() {
        return "Pkcs12KeyStore[subject=" + certificate().getSubjectX500Principal().getName() + "]";
    }

    private static KeyStore open(Path p12, char[] password, String file) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // The JDK reports a wrong password as an IOException; its message names no secret.
            throw new SambandException(ErrorCode.KEY_UNAVAILABLE, "cannot open key store " + file, e);
        }
    }

    private static String onlyKeyAlias(KeyStore store, String file) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new SambandException(ErrorCode.KEY_UNAVAILABLE, file + " holds " + keyAliases.size()
                    + " key entries; name the alias");
        }
        return keyAliases.get(0);
    }
}
