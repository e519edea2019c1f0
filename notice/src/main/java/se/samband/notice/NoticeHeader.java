package se.samband.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the hub needs to route and judge a notice, and no more. Signed by the sender and never
 * re-serialised after signing: read it from its own bytes with {@link NoticeJson#readHeader}.
 * It holds pseudonyms and codes only; no name, personal identity number, address or free text.
 *
 * @param noticeId        the sender's idempotency key
 * @param schemaVersion   {@link #SCHEMA_VERSION}
 * @param recipients      the participants the body is sealed for; the hub never adds one
 * @param purpose         why; {@link Purpose#SERVICE} for receipts
 * @param legalBasis      null for receipts and service messages
 * @param respondBy       when a recipient must have accepted; null means the type's default
 * @param inReplyTo       the notice a receipt answers
 * @param reasonCode      a code for receipts (DECLINED, REJECTED, ESCALATION), e.g. {@code HOLD_EXPIRED}
 * @param caseRef         an opaque case reference chosen by the sender
 * @param bodyDigest      base64url (no padding) of SHA-256 over the body bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"noticeId", "schemaVersion", "type", "sender", "recipients", "subjects", "purpose",
    "legalBasis", "dataCategories", "protectedIdentity", "created", "expires", "respondBy", "inReplyTo",
    "reasonCode", "caseRef", "bodyDigest"})
public record NoticeHeader(
        UUID noticeId,
        int schemaVersion,
        NoticeType type,
        ParticipantId sender,
        List<ParticipantId> recipients,
        List<Subject> subjects,
        Purpose purpose,
        LegalBasisClaim legalBasis,
        @JsonSerialize(converter = SortedDataCategories.class) Set<DataCategory> dataCategories,
        boolean protectedIdentity,
        Instant created,
        Instant expires,
        Instant respondBy,
        UUID inReplyTo,
        String reasonCode,
        String caseRef,
        String bodyDigest) {

    public static final int SCHEMA_VERSION = 1;

    public NoticeHeader {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
    }

    /** The same header with the body digest set; the sealer calls this once the body exists. */
    public NoticeHeader withBodyDigest(String digest) {
        return new NoticeHeader(noticeId, schemaVersion, type, sender, recipients, subjects, purpose, legalBasis,
                dataCategories, protectedIdentity, created, expires, respondBy, inReplyTo, reasonCode, caseRef, digest);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds headers for connectors, tools and tests; unset optional fields stay null. */
    public static final class Builder {
        private UUID noticeId = UUID.randomUUID();
        private NoticeType type;
        private ParticipantId sender;
        private List<ParticipantId> recipients = List.of();
        private List<Subject> subjects = List.of();
        private Purpose purpose;
        private LegalBasisClaim legalBasis;
        private Set<DataCategory> dataCategories = Set.of();
        private boolean protectedIdentity;
        private Instant created;
        private Instant expires;
        private Instant respondBy;
        private UUID inReplyTo;
        private String reasonCode;
        private String caseRef;
        private String bodyDigest;

        private Builder() {
        }

        public Builder noticeId(UUID value) { this.noticeId = value; return this; }
        public Builder type(NoticeType value) { this.type = value; return this; }
        public Builder sender(ParticipantId value) { this.sender = value; return this; }
        public Builder recipients(List<ParticipantId> value) { this.recipients = value; return this; }
        public Builder subjects(List<Subject> value) { this.subjects = value; return this; }
        public Builder purpose(Purpose value) { this.purpose = value; return this; }
        public Builder legalBasis(LegalBasisClaim value) { this.legalBasis = value; return this; }
        public Builder dataCategories(Set<DataCategory> value) { this.dataCategories = value; return this; }
        public Builder protectedIdentity(boolean value) { this.protectedIdentity = value; return this; }
        public Builder created(Instant value) { this.created = value; return this; }
        public Builder expires(Instant value) { this.expires = value; return this; }
        public Builder respondBy(Instant value) { this.respondBy = value; return this; }
        public Builder inReplyTo(UUID value) { this.inReplyTo = value; return this; }
        public Builder reasonCode(String value) { this.reasonCode = value; return this; }
        public Builder caseRef(String value) { this.caseRef = value; return this; }
        public Builder bodyDigest(String value) { this.bodyDigest = value; return this; }

        public NoticeHeader build() {
            return new NoticeHeader(noticeId, SCHEMA_VERSION, type, sender, recipients, subjects, purpose, legalBasis,
                    dataCategories, protectedIdentity, created, expires, respondBy, inReplyTo, reasonCode, caseRef,
                    bodyDigest);
        }
    }
}
