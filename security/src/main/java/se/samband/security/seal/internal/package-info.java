/**
 * The Bouncy Castle CMS implementation behind {@link se.samband.security.seal.Sealing}: the inner and
 * detached SignedData, the AuthEnvelopedData body and the per-signer verifier cache. The only package
 * of the seal feature that may import {@code org.bouncycastle}; nothing outside it sees a BC type.
 */
package se.samband.security.seal.internal;
