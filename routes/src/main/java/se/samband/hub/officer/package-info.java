/**
 * The security officers' API, {@code /api/v1/security/**} on the people port (role SECURITY_OFFICER): pseudonymise a
 * personal identity number ({@link se.samband.hub.officer.PseudonymLookup}), disclosures from the audit trail by
 * subject, participant, period, decision and basis ({@link se.samband.hub.officer.JdbcDisclosures}), the follow-up
 * review queue of disclosures on a basis other than a matching consent ({@link se.samband.hub.officer.ReviewQueue},
 * table {@code disclosure_review}), a subject access report (GDPR Art. 15), chain verification and CSV/JSON export
 * ({@link se.samband.hub.officer.AuditExport}). Every action is itself audited with the officer as actor
 * ({@code security-officer:<account>}); no response, log line or audit event holds a personal identity number.
 */
package se.samband.hub.officer;
