package se.samband.hub.api;

import java.util.List;
import java.util.UUID;
import se.samband.hub.intake.PipelineResult.RecipientOutcome;

/**
 * The answer to an accepted submission: per recipient whether the notice was delivered to its queue, held
 * (e.g. awaiting consent) or denied, with the reason code. The signed submission receipt also reaches the
 * sender's own queue.
 */
public record SubmissionReceipt(UUID noticeId, List<Recipient> recipients) {

    /** One recipient's outcome; {@code reasonCode} is null for a delivery. */
    public record Recipient(String recipient, RecipientOutcome.Outcome outcome, String reasonCode) {
    }

    static SubmissionReceipt of(UUID noticeId, List<RecipientOutcome> outcomes) {
        return new SubmissionReceipt(noticeId, outcomes.stream()
                .map(o -> new Recipient(o.recipient().value(), o.outcome(), o.reasonCode()))
                .toList());
    }
}
