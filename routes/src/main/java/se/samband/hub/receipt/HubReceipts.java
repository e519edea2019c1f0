package se.samband.hub.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.Sealing;

/**
 * Makes the hub's own receipts: header type {@code SUBMISSION_RECEIPT} or {@code REJECTED}, sender
 * {@code samband.hub}, the answered participant as the only recipient, {@code inReplyTo} the answered notice,
 * purpose SERVICE, no subjects; the payload is JSON of codes and ids only, signed with the hub's key and sealed
 * for the participant's registered certificate. One sealer for all receipts (thread-safe).
 *
 * <p>A receipt's notice id is derived from what it answers (type, answered id and, for a rejection, the code),
 * so that a receipt made twice for the same submission (two copies processed at once) is dropped by the
 * recipient queue's duplicate detection.
 */
public final class HubReceipts {
    private static final ObjectWriter PAYLOAD = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build()
            .writer();

    private final FederationTrust trust;
    private final NoticeJson json;
    private final Clock clock;
    private final NoticeSealer sealer;

    public HubReceipts(FederationTrust trust, NoticeJson json, Clock clock) {
        this.trust = trust;
        this.json = json;
        this.clock = clock;
        this.sealer = Sealing.sealer(trust.hubKey(), json, clock);
    }

    /** One recipient's outcome as the sender is told it: codes only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(ParticipantId recipient, String outcome, String reasonCode, Instant holdUntil,
                       String flagReasonCode) {
    }

    /** The payload of a submission receipt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmissionPayload(UUID inReplyTo, List<Line> recipients) {
    }

    /** The payload of a rejection receipt: the error code's wire form and the generic sentence. */
    record RejectionPayload(UUID inReplyTo, String code, String message) {
    }

    /**
     * The submission receipt for {@code sender}'s notice {@code noticeId}; empty if the sender has no registered
     * certificate to seal for.
     */
    public Optional<DispatchPlan.Receipt> submissionReceipt(UUID noticeId, ParticipantId sender, List<Line> lines) {
        byte[] payload = write(new SubmissionPayload(noticeId, lines));
        return seal(NoticeType.SUBMISSION_RECEIPT, sender, noticeId, null, payload,
                derivedId(NoticeType.SUBMISSION_RECEIPT, noticeId, ""));
    }

    /**
     * The rejection receipt: {@code reasonCode} is the error code in upper case (the header schema's code form),
     * the payload carries its wire form. Empty if {@code to} has no registered certificate.
     */
    public Optional<DispatchPlan.Receipt> rejection(ParticipantId to, UUID inReplyTo, ErrorCode code) {
        byte[] payload = write(new RejectionPayload(inReplyTo, code.code(), code.message()));
        // A fresh id for every refusal, not one derived from the refused notice: the same notice can be refused
        // again (sent again unchanged, or replayed by an operator), and a repeated id would be a duplicate on the
        // sender's queue, which makes Artemis roll back the whole intake transaction. Exactly once needs no derived
        // id here: the receipt is sent in the transaction that consumes the submission, so a redelivered
        // submission's earlier receipt was rolled back with it.
        return seal(NoticeType.REJECTED, to, inReplyTo, code.name(), payload, UUID.randomUUID());
    }

    /** The payload of a held notice's escalation to its sender: codes and ids only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HoldEscalationPayload(UUID inReplyTo, String reasonCode, ParticipantId recipient) {
    }

    /**
     * An {@code ESCALATION} to {@code to} about its notice {@code inReplyTo} and one of its recipients, e.g. reason
     * {@code HOLD_EXPIRED}: the notice was held for {@code recipient} and never released. Its id is derived from
     * notice, recipient and reason, so an escalation made twice reaches the sender once. Empty if {@code to} has no
     * registered certificate.
     */
    public Optional<DispatchPlan.Receipt> escalation(ParticipantId to, UUID inReplyTo, String reasonCode,
                                                     ParticipantId recipient) {
        byte[] payload = write(new HoldEscalationPayload(inReplyTo, reasonCode, recipient));
        return seal(NoticeType.ESCALATION, to, inReplyTo, reasonCode, payload,
                derivedId(NoticeType.ESCALATION, inReplyTo, reasonCode + ":" + recipient.value()));
    }

    /**
     * The payload of an escalation: what the overdue handover is, never what the notice says.
     *
     * @param inReplyTo          the overdue notice
     * @param noticeType         its type, or null if the hub has not recorded it yet
     * @param recipient          the participant that has not accepted it
     * @param respondBy          when it should have
     * @param state              where the handover stood when the respond-by time passed, e.g. {@code DELIVERED}
     * @param escalationContact  the participant told as escalation contact
     * @param function           the function there that should act (a role, never a person)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EscalationPayload(UUID inReplyTo, NoticeType noticeType, ParticipantId recipient, Instant respondBy,
                                    String state, ParticipantId escalationContact, String function) {
    }

    /**
     * An {@code ESCALATION} to {@code to} (the recipient's escalation contact or the original sender) about the
     * overdue handover of {@code payload.inReplyTo()} to {@code payload.recipient()}. Its id is derived from the
     * notice, the recipient and {@code to}, so that a check processed twice escalates once per party. Empty if
     * {@code to} has no registered certificate.
     */
    public Optional<DispatchPlan.Receipt> escalation(ParticipantId to, String reasonCode, EscalationPayload payload) {
        return seal(NoticeType.ESCALATION, to, payload.inReplyTo(), reasonCode, write(payload),
                derivedId(NoticeType.ESCALATION, payload.inReplyTo(), payload.recipient().value() + ":" + to.value()));
    }

    /** The payload of a {@code CONSENT_WITHDRAWN} notice: the consent and when it was withdrawn, nothing else. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentWithdrawnPayload(String consentId, int version, String subjectPseudonym,
                                          Instant withdrawnAt) {
    }

    /**
     * A {@code CONSENT_WITHDRAWN} notice to {@code to}, an earlier recipient of notices on the consent: the header
     * names the consent (legal basis {@code CONSENT} with its id, reason code {@code CONSENT_WITHDRAWN}) so that a
     * connector can match it to what it received without opening the body; the payload adds the version, the
     * subject's pseudonym and the withdrawal time. Its id is derived from the consent and the recipient, so the
     * recipient queue's duplicate detection lets it through once however often it is made. Empty if {@code to}
     * has no registered certificate.
     */
    public Optional<DispatchPlan.Receipt> consentWithdrawn(ParticipantId to, ConsentWithdrawnPayload payload) {
        Optional<X509Certificate> certificate = trust.certificateOf(to);
        if (certificate.isEmpty()) {
            return Optional.empty();
        }
        UUID id = consentWithdrawnId(payload.consentId(), to);
        NoticeHeader header = NoticeHeader.builder()
                .noticeId(id)
                .type(NoticeType.CONSENT_WITHDRAWN)
                .sender(ParticipantId.HUB)
                .recipients(List.of(to))
                .purpose(Purpose.SERVICE)
                .legalBasis(LegalBasisClaim.consent(payload.consentId()))
                .created(clock.instant())
                .reasonCode(NoticeType.CONSENT_WITHDRAWN.name())
                .build();
        SealedNotice sealed = sealer.seal(header, write(payload), List.of(certificate.get()));
        return Optional.of(new DispatchPlan.Receipt(to, id, NoticeType.CONSENT_WITHDRAWN, null,
                json.writeContainer(sealed)));
    }

    /** The id of the {@code CONSENT_WITHDRAWN} notice about {@code consentId} to {@code to}. */
    public static UUID consentWithdrawnId(String consentId, ParticipantId to) {
        return UUID.nameUUIDFromBytes(("samband:consent-withdrawn:" + consentId + ":" + to.value())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Optional<DispatchPlan.Receipt> seal(NoticeType type, ParticipantId to, UUID inReplyTo, String reasonCode,
                                                byte[] payload, UUID receiptId) {
        Optional<X509Certificate> certificate = trust.certificateOf(to);
        if (certificate.isEmpty()) {
            return Optional.empty();
        }
        NoticeHeader header = NoticeHeader.builder()
                .noticeId(receiptId)
                .type(type)
                .sender(ParticipantId.HUB)
                .recipients(List.of(to))
                .purpose(Purpose.SERVICE)
                .created(clock.instant())
                .inReplyTo(inReplyTo)
                .reasonCode(reasonCode)
                .build();
        SealedNotice sealed = sealer.seal(header, payload, List.of(certificate.get()));
        return Optional.of(new DispatchPlan.Receipt(to, receiptId, type, inReplyTo, json.writeContainer(sealed)));
    }

    private static UUID derivedId(NoticeType type, UUID answered, String code) {
        return UUID.nameUUIDFromBytes(("samband:hub-receipt:" + type + ":" + answered + ":" + code)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] write(Object payload) {
        try {
            return PAYLOAD.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt payload of ids and codes cannot fail to serialise", e);
        }
    }
}
