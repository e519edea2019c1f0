/**
 * May this notice go to this recipient? The pure decision logic of pipeline step 4: {@link
 * se.samband.security.consent.ConsentPolicy} judges one recipient of a verified case notice against the
 * federation's legal-basis table, the person's consents ({@link se.samband.security.consent.ConsentRecord}),
 * risk flags ({@link se.samband.security.consent.RiskFlag}) and protected identity, and answers with a
 * {@link se.samband.security.consent.Decision}: Permit, Hold or Deny. {@link
 * se.samband.security.consent.ConsentValidator} checks consents and risk flags before the registry accepts them.
 * Plain Java without I/O: the hub keeps consents and flags in memory and calls the policy per recipient.
 */
package se.samband.security.consent;
