package se.samband.hub.decision;

import se.samband.security.consent.Decision;
import se.samband.security.federation.Participant;

/** The decision for one recipient of a notice. */
public record RecipientDecision(Participant recipient, Decision decision) {
}
