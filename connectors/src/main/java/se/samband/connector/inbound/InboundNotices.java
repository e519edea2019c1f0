package se.samband.connector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.connector.outbound.OutboxStore;
import se.samband.connector.outbound.Receipts;
import se.samband.connector.status.NoticeStatusStore;
import se.samband.connector.status.Outcome;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.ParticipantCertificates;
import se.samband.security.seal.OpenedNotice;

/**
 * One message from the participant's queue, inside the listener's JMS transaction: open and verify it (signature,
 * body, certificate chain and revocation, signer = sender), then
 * <ul>
 *   <li>a case notice: keep it in the inbox for the case system and queue a RECEIVED receipt, in one database
 *       transaction;</li>
 *   <li>the hub's submission receipt or refusal, a recipient's RECEIVED/ACCEPTED/DECLINED, an escalation of one of
 *       this connector's notices: update the status store;</li>
 *   <li>an escalation about someone else's notice (this participant is the escalation contact) or a
 *       CONSENT_WITHDRAWN: keep it in the inbox as information.</li>
 * </ul>
 * Every step is idempotent, because a crash after the database commit and before the JMS commit redelivers the
 * message. A notice that cannot be opened or verified throws: the transaction rolls back and the broker parks the
 * message in the hub's dead-letter queue after its redeliveries, for an operator.
 */
public class InboundNotices {
    private static final Logger log = LoggerFactory.getLogger(InboundNotices.class);

    private final ParticipantId self;
    private final InboxItems items;
    private final CertificateValidator validator;
    private final InboxStore inbox;
    private final NoticeStatusStore status;
    private final OutboxStore outbox;
    private final Receipts receipts;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper = new ObjectMapper();

    public InboundNotices(ParticipantId self, InboxItems items, CertificateValidator validator, InboxStore inbox,
                          NoticeStatusStore status, OutboxStore outbox, Receipts receipts,
                          TransactionTemplate transaction) {
        this.self = self;
        this.items = items;
        this.validator = validator;
        this.inbox = inbox;
        this.status = status;
        this.outbox = outbox;
        this.receipts = receipts;
        this.transaction = transaction;
    }

    public void accept(byte[] container) {
        OpenedNotice opened = items.open(container);
        NoticeHeader header = opened.header();
        validator.validate(opened.signer(), KeyUse.SIGNING);
        Optional<ParticipantId> signer = ParticipantCertificates.participantId(opened.signer());
        if (signer.isEmpty() || !signer.get().equals(header.sender())) {
            throw new SambandException(ErrorCode.SENDER_MISMATCH, "signer is not the header's sender");
        }
        if (!header.recipients().contains(self)) {
            throw new SambandException(ErrorCode.NOT_A_RECIPIENT, "notice not addressed to this participant");
        }
        transaction.executeWithoutResult(tx -> dispatch(header, opened, container));
    }

    private void dispatch(NoticeHeader header, OpenedNotice opened, byte[] container) {
        UUID id = header.noticeId();
        boolean fromHub = header.sender().equals(ParticipantId.HUB);
        switch (header.type()) {
            case SUBMISSION_RECEIPT -> {
                requireHub(fromHub, header);
                JsonNode payload = payload(opened);
                for (JsonNode line : payload.path("recipients")) {
                    Outcome outcome = Outcome.valueOf(line.path("outcome").asText());
                    String reason = text(line, "reasonCode");
                    status.outcome(header.inReplyTo(), ParticipantId.of(line.path("recipient").asText()), outcome,
                            reason, id);
                }
                log.info("submission receipt for notice {}", header.inReplyTo());
            }
            case REJECTED -> {
                requireHub(fromHub, header);
                String code = text(payload(opened), "code");
                if (ErrorCode.REPLAYED_NOTICE.code().equals(code)) {
                    // an outbox resend after a crash: the first copy went through
                    status.note(header.inReplyTo(), "REPLAY_REFUSED", code, id);
                } else {
                    status.rejected(header.inReplyTo(), code, id);
                }
                log.info("notice {} rejected by the hub: {}", header.inReplyTo(), code);
            }
            case RECEIVED, ACCEPTED, DECLINED -> {
                status.outcome(header.inReplyTo(), header.sender(), Outcome.valueOf(header.type().name()),
                        header.reasonCode(), id);
                log.info("{} from {} for notice {}", header.type(), header.sender(), header.inReplyTo());
            }
            case ESCALATION -> {
                requireHub(fromHub, header);
                JsonNode payload = payload(opened);
                String recipient = text(payload, "recipient");
                if (header.inReplyTo() != null && status.exists(header.inReplyTo()) && recipient != null) {
                    status.outcome(header.inReplyTo(), ParticipantId.of(recipient), Outcome.ESCALATED,
                            header.reasonCode(), id);
                }
                if (header.inReplyTo() == null || !status.exists(header.inReplyTo())) {
                    inbox.add(id, header.sender(), header.type(), header.inReplyTo(), container,
                            InboxStore.State.INFO);
                }
                log.info("escalation {} about notice {}", header.reasonCode(), header.inReplyTo());
            }
            case CONSENT_WITHDRAWN -> {
                requireHub(fromHub, header);
                inbox.add(id, header.sender(), header.type(), header.inReplyTo(), container, InboxStore.State.INFO);
                log.info("consent withdrawn notice {}", id);
            }
            default -> {
                if (inbox.add(id, header.sender(), header.type(), header.inReplyTo(), container,
                        InboxStore.State.NEW)) {
                    queueReceipt(NoticeType.RECEIVED, id, header.sender(), opened.signer(), null);
                    log.info("notice {} ({}) received from {}", id, header.type(), header.sender());
                }
            }
        }
    }

    /** Queues a receipt for the notice's sender, sealed for the certificate that signed the notice. */
    void queueReceipt(NoticeType type, UUID noticeId, ParticipantId to, X509Certificate toCertificate,
                      String reasonCode) {
        Receipts.Receipt receipt = receipts.receipt(type, noticeId, to, toCertificate, reasonCode);
        if (!outbox.contains(receipt.id())) {
            outbox.add(receipt.id(), OutboxStore.Kind.RECEIPT, receipt.container());
        }
    }

    private static void requireHub(boolean fromHub, NoticeHeader header) {
        if (!fromHub) {
            throw new SambandException(ErrorCode.ROUTE_NOT_PERMITTED, header.type() + " from a participant");
        }
    }

    private JsonNode payload(OpenedNotice opened) {
        try {
            return mapper.readTree(opened.payload());
        } catch (IOException e) {
            throw new SambandException(ErrorCode.MALFORMED_JSON, "hub payload unreadable");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
