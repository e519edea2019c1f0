/**
 * The federation file: participants, routing policy, default respond-by times and the versioned
 * legal-basis table, read and validated by {@link se.samband.security.federation.FederationLoader}.
 */
package se.samband.security.federation;
