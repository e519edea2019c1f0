package se.samband.hub.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event of a case timeline, from the audit trail: a decision, a dispatch, a receipt, a hold, an escalation,
 * a refusal. Codes, ids and pseudonyms only; {@code subjects} is filled for security officers only.
 *
 * @param position the entry's position in the audit chain (the order of the timeline)
 * @param actor    a participant id, the hub, or for a person only the role (participants) or {@code role:account}
 *                 (security officers); never a name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(long position, Instant occurredAt, String type, String outcome, UUID noticeId,
                            String noticeType, String actor, String counterpart, String decision, String legalBasis,
                            String consentId, String reasonCode, List<String> subjects) {

    TimelineEntry withActor(String newActor) {
        return new TimelineEntry(position, occurredAt, type, outcome, noticeId, noticeType, newActor, counterpart,
                decision, legalBasis, consentId, reasonCode, subjects);
    }

    TimelineEntry withSubjects(List<String> newSubjects) {
        return new TimelineEntry(position, occurredAt, type, outcome, noticeId, noticeType, actor, counterpart,
                decision, legalBasis, consentId, reasonCode, newSubjects);
    }
}
