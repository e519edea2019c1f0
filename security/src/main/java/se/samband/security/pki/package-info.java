/**
 * PKI and trust: the federation's trust anchors and CRLs ({@link se.samband.security.pki.TrustAnchors}),
 * certificate validation for a purpose ({@link se.samband.security.pki.CertificateValidator},
 * {@link se.samband.security.pki.KeyUse}), the private-key port
 * ({@link se.samband.security.pki.PrivateKeyAccess}, {@link se.samband.security.pki.Pkcs12KeyStore}),
 * PEM files, reading a participant id from a certificate, and the development PKI
 * ({@link se.samband.security.pki.DevPki}). Bouncy Castle stays in {@code internal}.
 */
package se.samband.security.pki;
