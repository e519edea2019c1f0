package se.samband.security.pki;

/**
 * What a certificate is about to be used for; {@link CertificateValidator} checks its KeyUsage and
 * ExtendedKeyUsage against it.
 *
 * <ul>
 *   <li>{@link #SIGNING}: signing notices, receipts, audit checkpoints — digitalSignature or nonRepudiation.
 *   <li>{@link #ENCRYPTION}: being a recipient of an encrypted body — keyAgreement for EC keys,
 *       keyEncipherment for RSA keys.
 *   <li>{@link #TLS_CLIENT}: client certificate on mTLS/AMQP — digitalSignature and EKU clientAuth.
 *   <li>{@link #TLS_SERVER}: the hub's server certificate — digitalSignature and EKU serverAuth.
 * </ul>
 */
public enum KeyUse {
    SIGNING,
    ENCRYPTION,
    TLS_CLIENT,
    TLS_SERVER
}
