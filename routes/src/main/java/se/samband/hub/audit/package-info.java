/**
 * Audit in the hub: the JSON form of events on {@code samband.hub.audit}
 * ({@link se.samband.hub.audit.AuditEventCodec}),
 * the single writer that appends them to the hash-chained audit tables with signed checkpoints
 * ({@link se.samband.hub.audit.AuditWriter}), and reading and verifying the stored trail
 * ({@link se.samband.hub.audit.JdbcAuditLog}, {@link se.samband.hub.audit.AuditVerification}).
 */
package se.samband.hub.audit;
