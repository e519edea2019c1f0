/**
 * Sealing and opening notices (ARCHITECTURE.md, "The sealed notice"): {@link se.samband.security.seal.Sealing}
 * hands out the {@link se.samband.security.seal.NoticeSealer}, {@link se.samband.security.seal.NoticeVerifier}
 * and {@link se.samband.security.seal.NoticeOpener}. The CMS work lives in {@code internal}; certificate chain
 * and revocation checks are not done here but by the caller with the PKI package.
 */
package se.samband.security.seal;
