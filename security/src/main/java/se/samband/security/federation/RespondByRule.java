package se.samband.security.federation;

/**
 * The default time a recipient has to accept a notice of one type: either working days
 * (Monday–Friday) or plain hours. Exactly one is set.
 */
public record RespondByRule(Integer workingDays, Integer hours) {

    public boolean isWorkingDays() {
        return workingDays != null;
    }
}
