/**
 * Step 4, decide: for each recipient of a routed case notice, PERMIT, HOLD or DENY by the security module's
 * {@link se.samband.security.consent.ConsentPolicy}, on the federation's legal-basis table and the consents and
 * risk flags of the header's subjects from the consent registry.
 */
package se.samband.hub.decision;
