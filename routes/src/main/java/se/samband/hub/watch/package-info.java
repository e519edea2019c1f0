/**
 * The respond-by watch (ARCHITECTURE.md step 7): every poll interval it reads the handovers whose respond-by time
 * has passed from the handover table and, for each, sends hub-signed {@code ESCALATION} notices to the recipient's
 * escalation contact and to the sender and records {@code HANDOVER_ESCALATED}, in one JMS transaction per handover.
 * Public: {@link se.samband.hub.watch.WatchRoute} and its properties only.
 */
package se.samband.hub.watch;
