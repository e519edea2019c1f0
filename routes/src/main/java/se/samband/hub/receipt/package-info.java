/**
 * Notices the hub signs itself: the submission receipt that tells a sender each recipient's outcome and the
 * rejection receipt for a refused notice. Each is sealed with the hub's key for the one participant it answers.
 */
package se.samband.hub.receipt;
