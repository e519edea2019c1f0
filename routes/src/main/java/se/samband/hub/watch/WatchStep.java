package se.samband.hub.watch;

import java.time.Instant;
import se.samband.hub.dispatch.DispatchPlan;

/** What the watch does with one due check. */
sealed interface WatchStep {

    /** Escalate: write the plan (escalation notices and HANDOVER_ESCALATED) in the consumer's transaction. */
    record Escalate(DispatchPlan plan) implements WatchStep {
    }

    /** Check again at {@code at}: the handover is not yet recorded, or the check came early by the hub's clock. */
    record Recheck(DueCheck check, Instant at) implements WatchStep {
    }

    /** Nothing to do: the handover is closed or already escalated ({@code state} says which). */
    record Settled(String state) implements WatchStep {
    }
}
