package se.samband.connector.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;

/**
 * What a case system asks its connector to send, in plain terms: persons by personnummer, the
 * basis, and the payload fields that go into the sealed body. Holds personal data, so
 * {@link #toString()} names the type and the notice id only.
 *
 * @param noticeId   the case system's idempotency key; null lets the connector choose one
 * @param recipients participants already resolved through the hub's directory
 * @param fields     payload fields for the recipients (e.g. release date, contact channel)
 */
public record CaseSubmission(
        UUID noticeId,
        NoticeType type,
        List<PersonRef> persons,
        Purpose purpose,
        LegalBasisCode basis,
        String consentId,
        String reasonCode,
        Set<DataCategory> dataCategories,
        List<ParticipantId> recipients,
        String caseRef,
        Instant respondBy,
        Instant expires,
        UUID inReplyTo,
        Map<String, Object> fields) {

    public CaseSubmission {
        persons = persons == null ? List.of() : List.copyOf(persons);
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    @Override
    public String toString() {
        return "CaseSubmission[type=" + type + ", noticeId=" + noticeId + ", recipients=" + recipients + "]";
    }
}
