package se.samband.hub.consent;

/**
 * Published (as a Spring application event) after a withdrawal has committed, besides {@link ConsentRegistryChanged}:
 * the withdrawal fan-out tells the consent's earlier recipients. Ids only; toString shows the consent id.
 */
public record ConsentWithdrawn(String consentId) {
}
