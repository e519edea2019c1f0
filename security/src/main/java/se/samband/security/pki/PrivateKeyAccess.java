package se.samband.security.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The one port through which a participant's private key is used (as X-Road's signer): a
 * PKCS#12 file today, an HSM (a PKCS#11 provider's key handle) later. Nothing else reads key files.
 */
public interface PrivateKeyAccess {

    /** The key; for an HSM this is a handle usable with the HSM's JCA provider. */
    PrivateKey privateKey();

    /** The participant's own certificate. */
    X509Certificate certificate();

    /** The certificate followed by its issuers, up to (not necessarily including) the trust anchor. */
    List<X509Certificate> chain();
}
