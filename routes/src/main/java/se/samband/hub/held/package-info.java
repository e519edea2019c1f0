/**
 * The held store: notices the decision step held back for a recipient (awaiting a consent, an active risk flag,
 * manual routing), kept sealed in {@code held_notice} from the queue {@code samband.hub.held}. A held notice is
 * decided again when a consent of its subject is registered (and by a periodic sweep): on PERMIT the same sealed
 * container goes to the recipient; when the hold window ends the sender gets an {@code ESCALATION} with reason
 * {@code HOLD_EXPIRED}. Notices about a protected identity wait on the manual routing queue ({@code manual_routing})
 * for an operator on the people port ({@code /api/v1/operator/manual-routing}) to route or return them. The hub
 * never opens a held body.
 */
package se.samband.hub.held;
