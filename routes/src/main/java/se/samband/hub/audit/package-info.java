/**
 * Audit in the hub: the JSON form of events on {@code samband.hub.audit}, and the single writer that
 * appends them to the hash-chained audit table.
 */
package se.samband.hub.audit;
