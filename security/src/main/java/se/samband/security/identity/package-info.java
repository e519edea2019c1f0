/**
 * Swedish identifiers and the pseudonyms that stand in for people everywhere outside a sealed body.
 * {@link se.samband.security.identity.Personnummer} parses and normalises personal identity and
 * coordination numbers; {@link se.samband.security.identity.Pseudonymizer} turns one into the
 * federation-wide {@code ps1:} pseudonym; {@link se.samband.security.identity.Kommunkod},
 * {@link se.samband.security.identity.Organisationsnummer} and {@link se.samband.security.identity.HsaId}
 * validate the identifiers of municipalities, organisations and healthcare units. Plain Java (JDK HMAC),
 * no Bouncy Castle. Nothing here ever prints a personal identity number.
 */
package se.samband.security.identity;
