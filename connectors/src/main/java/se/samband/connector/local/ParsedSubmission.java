package se.samband.connector.local;

import java.util.List;
import se.samband.connector.core.CaseSubmission;
import se.samband.connector.hubclient.RecipientQuery;
import se.samband.notice.ParticipantId;

/**
 * A valid submission before its recipients are resolved: either named participants, or a directory query.
 * Holds personal data; {@link #toString()} does not show it.
 */
public record ParsedSubmission(CaseSubmission submission, List<ParticipantId> recipients, RecipientQuery query) {
    @Override
    public String toString() {
        return "ParsedSubmission[" + submission + "]";
    }
}
