package se.samband.hub.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.Purpose;
import se.samband.security.consent.ConsentRecord;

/**
 * The body of {@code POST /api/v1/consents} and {@code POST /api/v1/consents/{id}/versions}: one consent version
 * as DOMAIN.md describes it. Participants are plain strings so that a malformed one (a wildcard, say) is reported as
 * a problem of its field rather than as an unreadable body. {@code recordedBy} may be left out (it is the calling
 * participant) but must not name anyone else; {@code recordedAt} defaults to the time of the request.
 * {@code consentId} is ignored for a new version (the path names it); {@code status} is ACTIVE unless a new version
 * marks the consent ENTERED_IN_ERROR or EXPIRED; withdrawal has its own request.
 */
public record ConsentRequest(
        String consentId,
        String subjectPseudonym,
        ConsentRecord.GivenBy givenBy,
        String recordedBy,
        String recordedByFunction,
        Instant recordedAt,
        ConsentRecord.Form form,
        String evidenceRef,
        List<String> senders,
        List<String> recipients,
        Set<NoticeType> noticeTypes,
        Set<DataCategory> dataCategories,
        Set<Purpose> purposes,
        Instant validFrom,
        Instant validTo,
        ConsentRecord.Effect effect,
        ConsentRecord.Status status) {

    /** {@code POST /api/v1/consents/{id}/withdrawal}: when and how the person withdrew (defaults: now, none). */
    public record Withdrawal(Instant withdrawnAt, String withdrawnVia) {
    }
}
