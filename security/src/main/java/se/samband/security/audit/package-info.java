/**
 * The audit trail's core: the catalogue of events ({@link se.samband.security.audit.AuditEventType}),
 * the event record that refuses plaintext personal data ({@link se.samband.security.audit.AuditEvent}),
 * the hash chain with its canonical encoding ({@link se.samband.security.audit.AuditChain}), signed
 * checkpoints of the chain head ({@link se.samband.security.audit.CheckpointSigner},
 * {@link se.samband.security.audit.CheckpointVerifier}) and streaming verification
 * ({@link se.samband.security.audit.ChainVerifier}). Plain Java and the JDK's crypto; the hub's audit
 * writer and {@code samband audit verify} add the JDBC around it. security/AUDIT-EVENTS.md is the
 * specification an external auditor re-implements.
 */
package se.samband.security.audit;
