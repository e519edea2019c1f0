/**
 * From the case system to the hub: resolve, seal, queue in the durable outbox, send over the TLS acceptor;
 * and the receipts (RECEIVED, ACCEPTED, DECLINED) this connector sends.
 */
package se.samband.connector.outbound;
