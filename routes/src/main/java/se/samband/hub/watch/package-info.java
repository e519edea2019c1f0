/**
 * The respond-by watch (ARCHITECTURE.md step 7): consumes the scheduled checks on {@code samband.hub.watch} and,
 * when a recipient has not accepted a notice by its respond-by time, sends hub-signed {@code ESCALATION} notices
 * to the recipient's escalation contact and to the sender and records {@code HANDOVER_ESCALATED}, all in the
 * consumer's JMS transaction. Public: {@link se.samband.hub.watch.WatchRoute} and its properties only.
 */
package se.samband.hub.watch;
