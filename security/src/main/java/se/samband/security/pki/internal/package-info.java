/**
 * Bouncy Castle code of the PKI package: minting certificates and CRLs for the development PKI.
 * The only place in {@code se.samband.security.pki} that may import {@code org.bouncycastle}; its
 * methods take and return JDK types only, so the public API stays free of Bouncy Castle.
 */
package se.samband.security.pki.internal;
