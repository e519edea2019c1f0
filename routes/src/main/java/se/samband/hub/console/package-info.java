/**
 * The operator console: what integration operators see and do on the people port ({@code /api/v1/operator/**} and
 * the pages under {@code /console/**}). Camel routes with their state and counts, suspend and resume; the broker's
 * queues; the parked messages of {@code samband.hub.dlq} and {@code samband.hub.rejected} as metadata, with replay
 * and discard; held notices and overdue handovers per participant; participants' last contact and certificate
 * expiry. Every operator action is audited with the operator's account. Nothing here shows personal data or
 * pseudonyms: only ids, codes, counts and times.
 */
package se.samband.hub.console;
