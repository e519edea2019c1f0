/**
 * Risk flags for agency systems (DOMAIN.md, "Risk flags"): {@code /api/v1/risk-flags} on the mTLS port, where the
 * police and social services set and clear "contacting this person may endanger the victim until ..." on a
 * pseudonym. Stored in {@code risk_flag}, audited ({@code RISK_FLAG_SET}, {@code RISK_FLAG_CLEARED}) and announced on
 * the consent-changes topic; the decision step holds the notice types the flag covers, and clearing it (or its end)
 * releases them through the held store.
 */
package se.samband.hub.riskflag;
