/**
 * What became of the notices this connector sent, per recipient, from the hub's receipts.
 */
package se.samband.connector.status;
