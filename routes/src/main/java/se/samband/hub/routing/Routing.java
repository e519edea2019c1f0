package se.samband.hub.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.handover.HandoverStore.Handover;
import se.samband.hub.handover.HandoverStore.HandoverState;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Step 3 of the pipeline. A whole notice is refused when one recipient cannot be routed: the body is sealed for
 * exactly the recipients named, so the sender must decide again, not the hub.
 * <ul>
 *   <li>Types only the hub sends ({@link #HUB_ONLY_TYPES}) are refused from participants:
 *       {@code route_not_permitted}.</li>
 *   <li>Case notices: each recipient exists ({@code recipient_unknown}), appears once ({@code schema_violation}),
 *       is not the sender and is permitted by the routing policy for the sender's kind, the type and its kind
 *       ({@code route_not_permitted}).</li>
 *   <li>Receipts (RECEIVED, ACCEPTED, DECLINED): exactly one recipient, the original sender of {@code inReplyTo},
 *       and the receipt's sender must have been delivered that notice ({@code receipt_not_routable}). A receipt
 *       for a notice dispatched moments ago whose handover is not recorded yet is retried
 *       ({@link HandoverNotYetRecorded}).</li>
 * </ul>
 */
public final class Routing {
    /** Types a participant never sends: the hub's own answers and service messages. */
    public static final Set<NoticeType> HUB_ONLY_TYPES = Set.copyOf(EnumSet.of(NoticeType.SUBMISSION_RECEIPT,
            NoticeType.REJECTED, NoticeType.ESCALATION, NoticeType.CONSENT_WITHDRAWN));
    /** A receipt answers a notice the recipient was given; a held or denied notice was never given. */
    private static final Set<HandoverState> ANSWERABLE = Set.copyOf(EnumSet.of(HandoverState.DELIVERED,
            HandoverState.RECEIVED, HandoverState.ACCEPTED, HandoverState.DECLINED, HandoverState.OVERDUE));

    private final Supplier<Federation> federation;
    private final HandoverStore handovers;
    private final Predicate<UUID> dispatchedLately;

    /**
     * @param dispatchedLately whether this hub dispatched a notice moments ago (the intake's recent ids): a receipt
     *                         for it whose handover is not recorded yet is retried, not refused
     */
    public Routing(Supplier<Federation> federation, HandoverStore handovers, Predicate<UUID> dispatchedLately) {
        this.federation = federation;
        this.handovers = handovers;
        this.dispatchedLately = dispatchedLately;
    }

    /** @throws SambandException ({@link RecipientRefused} when one recipient is the reason) */
    public Route route(NoticeHeader header, Participant sender) {
        NoticeType type = header.type();
        if (HUB_ONLY_TYPES.contains(type)) {
            throw new SambandException(ErrorCode.ROUTE_NOT_PERMITTED, "notice " + header.noticeId() + ": " + type
                    + " is sent by the hub only");
        }
        Federation current = federation.get();
        return type.isReceipt() ? routeReceipt(header, sender, current) : routeCase(header, sender, current);
    }

    private static Route routeCase(NoticeHeader header, Participant sender, Federation federation) {
        List<Participant> recipients = new ArrayList<>(header.recipients().size());
        Set<ParticipantId> seen = new HashSet<>();
        for (ParticipantId id : header.recipients()) {
            if (!seen.add(id)) {
                throw new RecipientRefused(ErrorCode.SCHEMA_VIOLATION, id, "notice " + header.noticeId()
                        + " names recipient " + id + " twice");
            }
            if (id.equals(sender.id())) {
                throw new RecipientRefused(ErrorCode.ROUTE_NOT_PERMITTED, id, "notice " + header.noticeId()
                        + " is addressed to its own sender");
            }
            Participant recipient = federation.participant(id).orElseThrow(() -> new RecipientRefused(
                    ErrorCode.RECIPIENT_UNKNOWN, id, "notice " + header.noticeId() + " to " + id));
            if (!federation.routePermitted(sender.kind(), header.type(), recipient.kind())) {
                throw new RecipientRefused(ErrorCode.ROUTE_NOT_PERMITTED, id, "notice " + header.noticeId() + ": "
                        + sender.kind() + " may not send " + header.type() + " to " + recipient.kind());
            }
            recipients.add(recipient);
        }
        return new Route.ToRecipients(recipients);
    }

    private Route routeReceipt(NoticeHeader header, Participant sender, Federation federation) {
        UUID answered = header.inReplyTo();
        if (header.recipients().size() != 1) {
            throw new SambandException(ErrorCode.RECEIPT_NOT_ROUTABLE, "receipt " + header.noticeId() + " has "
                    + header.recipients().size() + " recipients");
        }
        ParticipantId to = header.recipients().get(0);
        Optional<Handover> recorded = handovers.find(answered, sender.id());
        // Not recorded at all yet (the audit writer records a plan's handovers and notice_seen together): retry.
        // Recorded for others but not for this answerer: a bystander, refused below.
        if (recorded.isEmpty() && dispatchedLately.test(answered) && !handovers.noticeKnown(answered)) {
            throw new HandoverNotYetRecorded(header.noticeId(), answered);
        }
        Handover handover = recorded.filter(h -> ANSWERABLE.contains(h.state()))
                .orElseThrow(() -> new SambandException(ErrorCode.RECEIPT_NOT_ROUTABLE, "receipt "
                        + header.noticeId() + ": " + sender.id() + " was not delivered notice " + answered));
        if (!handover.sender().equals(to)) {
            throw new RecipientRefused(ErrorCode.RECEIPT_NOT_ROUTABLE, to, "receipt " + header.noticeId()
                    + " is not addressed to the sender of notice " + answered);
        }
        Participant originalSender = federation.participant(to).orElseThrow(() -> new RecipientRefused(
                ErrorCode.RECIPIENT_UNKNOWN, to, "receipt " + header.noticeId() + " to " + to));
        return new Route.ReceiptBack(handover, originalSender);
    }
}
