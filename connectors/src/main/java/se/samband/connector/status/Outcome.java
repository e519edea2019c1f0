package se.samband.connector.status;

/**
 * Where a notice stands for one recipient, as its sender's connector knows it. The rank orders the handover: a
 * receipt never moves a recipient back (a late {@code RECEIVED} after {@code ACCEPTED} changes nothing).
 */
public enum Outcome {
    QUEUED(0), SUBMITTED(1), REJECTED(9), HELD(2), DENIED(9), DELIVERED(3), RECEIVED(4), ESCALATED(5),
    DECLINED(6), ACCEPTED(7);

    private final int rank;

    Outcome(int rank) {
        this.rank = rank;
    }

    boolean mayFollow(Outcome current) {
        return current == null || rank > current.rank || (this == ESCALATED && current == ESCALATED);
    }

    /**
     * The order in which a notice's overall status names its recipients' outcomes: what needs the sender's attention
     * first. A notice is ACCEPTED only when every recipient accepted it.
     */
    static final Outcome[] ATTENTION = {REJECTED, ESCALATED, DECLINED, DENIED, HELD, QUEUED, SUBMITTED, DELIVERED,
        RECEIVED, ACCEPTED};
}
