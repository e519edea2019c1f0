package se.samband.security.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * One version of a person's consent (or refusal), shaped after FHIR Consent (DOMAIN.md, "Consent record").
 * A version never changes: a change, a withdrawal included, is registered as a new version, and the
 * {@link ConsentPolicy} judges by the highest version of each consent id.
 *
 * <p>The constructor only copies; it does not judge. {@link ConsentValidator} reports every problem of a
 * record at once, which it could not do if the constructor threw at the first one. Records that reach the
 * policy have been validated at registration; the policy still treats a missing field as "does not match".
 *
 * @param consentId          opaque id chosen by the registering agency, the same for every version
 * @param version            1, 2, ...; a higher version replaces the lower ones
 * @param subjectPseudonym   {@code ps1:} + 43 base64url characters; never a personal identity number
 * @param recordedBy         the participant that obtained and registered the consent
 * @param recordedByFunction a short code or title of the function that recorded it (no name)
 * @param evidenceRef        opaque reference to the signed form or recorded conversation at the agency
 * @param senders            the participants that may send; named, no wildcard exists
 * @param recipients         the participants that may receive; named, no wildcard exists
 * @param validTo            exclusive end of the period
 * @param effect             PERMIT, or DENY: a refusal that wins over any permit
 * @param withdrawnAt        when the person withdrew; null unless withdrawn
 * @param withdrawnVia       a code for how the withdrawal reached the agency (e.g. {@code PHONE}); nullable
 */
public record ConsentRecord(
        String consentId,
        int version,
        Status status,
        String subjectPseudonym,
        GivenBy givenBy,
        ParticipantId recordedBy,
        String recordedByFunction,
        Instant recordedAt,
        Form form,
        String evidenceRef,
        Set<ParticipantId> senders,
        Set<ParticipantId> recipients,
        Set<NoticeType> noticeTypes,
        Set<DataCategory> dataCategories,
        Set<Purpose> purposes,
        Instant validFrom,
        Instant validTo,
        Effect effect,
        Instant withdrawnAt,
        String withdrawnVia) {

    /** FHIR Consent.status, as far as Samband needs it. */
    public enum Status { ACTIVE, WITHDRAWN, EXPIRED, ENTERED_IN_ERROR }

    /** Who gave the consent. */
    public enum GivenBy { SELF, GUARDIAN, LEGAL_REPRESENTATIVE }

    /** How the consent was given; the evidence reference points at it. */
    public enum Form { WRITTEN, ORAL, E_SIGNED }

    /** Whether the record allows or refuses the disclosures it names. */
    public enum Effect { PERMIT, DENY }

    public ConsentRecord {
        senders = copy(senders);
        recipients = copy(recipients);
        noticeTypes = copy(noticeTypes);
        dataCategories = copy(dataCategories);
        purposes = copy(purposes);
    }

    private static <T> Set<T> copy(Collection<T> values) {
        if (values == null) {
            return Set.of();
        }
        // Not values.contains(null): immutable sets throw on that question instead of answering it.
        for (T value : values) {
            if (value == null) {
                throw new SambandException(ErrorCode.MISSING_FIELD, "a consent set holds a null element");
            }
        }
        return Set.copyOf(values);
    }

    /** Whether {@code now} lies in [validFrom, validTo); false when either end is missing. */
    public boolean inPeriod(Instant now) {
        return validFrom != null && validTo != null && !now.isBefore(validFrom) && now.isBefore(validTo);
    }

    /**
     * Whether the record has been withdrawn by {@code now}: by status, or by a withdrawal time that has passed
     * (withdrawal takes effect at once, even before a new version with status WITHDRAWN is registered).
     */
    public boolean withdrawnBy(Instant now) {
        return status == Status.WITHDRAWN || (withdrawnAt != null && !now.isBefore(withdrawnAt));
    }

    public Builder toBuilder() {
        return new Builder()
                .consentId(consentId).version(version).status(status).subjectPseudonym(subjectPseudonym)
                .givenBy(givenBy).recordedBy(recordedBy).recordedByFunction(recordedByFunction)
                .recordedAt(recordedAt).form(form).evidenceRef(evidenceRef)
                .senders(senders).recipients(recipients).noticeTypes(noticeTypes)
                .dataCategories(dataCategories).purposes(purposes)
                .validFrom(validFrom).validTo(validTo).effect(effect)
                .withdrawnAt(withdrawnAt).withdrawnVia(withdrawnVia);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Ids, version and status only: the pseudonym and evidence reference stay out of logs. */
    @Override
    public String toString() {
        return "ConsentRecord[id=" + consentId + ", version=" + version + ", status=" + status
                + ", effect=" + effect + "]";
    }

    /** Builds records for the registry and tests; a new record is version 1, ACTIVE, PERMIT until set. */
    public static final class Builder {
        private String consentId;
        private int version = 1;
        private Status status = Status.ACTIVE;
        private String subjectPseudonym;
        private GivenBy givenBy;
        private ParticipantId recordedBy;
        private String recordedByFunction;
        private Instant recordedAt;
        private Form form;
        private String evidenceRef;
        private Set<ParticipantId> senders = Set.of();
        private Set<ParticipantId> recipients = Set.of();
        private Set<NoticeType> noticeTypes = Set.of();
        private Set<DataCategory> dataCategories = Set.of();
        private Set<Purpose> purposes = Set.of();
        private Instant validFrom;
        private Instant validTo;
        private Effect effect = Effect.PERMIT;
        private Instant withdrawnAt;
        private String withdrawnVia;

        private Builder() {
        }

        public Builder consentId(String value) { this.consentId = value; return this; }
        public Builder version(int value) { this.version = value; return this; }
        public Builder status(Status value) { this.status = value; return this; }
        public Builder subjectPseudonym(String value) { this.subjectPseudonym = value; return this; }
        public Builder givenBy(GivenBy value) { this.givenBy = value; return this; }
        public Builder recordedBy(ParticipantId value) { this.recordedBy = value; return this; }
        public Builder recordedByFunction(String value) { this.recordedByFunction = value; return this; }
        public Builder recordedAt(Instant value) { this.recordedAt = value; return this; }
        public Builder form(Form value) { this.form = value; return this; }
        public Builder evidenceRef(String value) { this.evidenceRef = value; return this; }
        public Builder senders(Set<ParticipantId> value) { this.senders = value; return this; }
        public Builder recipients(Set<ParticipantId> value) { this.recipients = value; return this; }
        public Builder noticeTypes(Set<NoticeType> value) { this.noticeTypes = value; return this; }
        public Builder dataCategories(Set<DataCategory> value) { this.dataCategories = value; return this; }
        public Builder purposes(Set<Purpose> value) { this.purposes = value; return this; }
        public Builder validFrom(Instant value) { this.validFrom = value; return this; }
        public Builder validTo(Instant value) { this.validTo = value; return this; }
        public Builder effect(Effect value) { this.effect = value; return this; }
        public Builder withdrawnAt(Instant value) { this.withdrawnAt = value; return this; }
        public Builder withdrawnVia(String value) { this.withdrawnVia = value; return this; }

        public ConsentRecord build() {
            return new ConsentRecord(consentId, version, status, subjectPseudonym, givenBy, recordedBy,
                    recordedByFunction, recordedAt, form, evidenceRef, senders, recipients, noticeTypes,
                    dataCategories, purposes, validFrom, validTo, effect, withdrawnAt, withdrawnVia);
        }
    }
}
