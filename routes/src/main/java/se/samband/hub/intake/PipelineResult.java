package se.samband.hub.intake;

import java.util.List;
import java.util.UUID;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;

/**
 * What a submission led to: the plan to write to the broker, and either the per-recipient outcomes
 * (accepted) or the refusal (rejected). REST answers 202 with the outcomes or 4xx with the refusal.
 */
public record PipelineResult(DispatchPlan plan, List<RecipientOutcome> outcomes, Refusal refusal) {

    public boolean rejected() {
        return refusal != null;
    }

    /** One recipient's outcome, as the sender's submission receipt lists it. */
    public record RecipientOutcome(ParticipantId recipient, Outcome outcome, String reasonCode) {
        public enum Outcome { DELIVERED, HELD, DENIED }
    }

    /** Why a notice was refused as a whole; noticeId is null when the header could not be read. */
    public record Refusal(ErrorCode code, UUID noticeId) {
    }
}
