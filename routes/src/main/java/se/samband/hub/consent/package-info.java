/**
 * The consent registry's read side for the pipeline's decision step: consents (every version) and risk flags
 * of subjects by pseudonym, from the database ({@link se.samband.hub.consent.JdbcConsentStore}) through an
 * in-memory cache ({@link se.samband.hub.consent.CachingConsentStore}) that every hub instance empties for a
 * pseudonym when a message on the topic {@code samband.hub.consent-changes} names it
 * ({@link se.samband.hub.consent.ConsentChanges}). Tables: {@code V2__consent.sql}.
 */
package se.samband.hub.consent;
