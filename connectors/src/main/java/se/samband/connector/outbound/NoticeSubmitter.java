package se.samband.connector.outbound;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.connector.core.CaseSubmission;
import se.samband.connector.core.NoticeComposer;
import se.samband.connector.hubclient.Directory;
import se.samband.connector.local.ParsedSubmission;
import se.samband.connector.status.NoticeStatusStore;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A valid submission becomes a sealed notice in the outbox: recipients resolved through the hub's directory, their
 * certificates fetched and checked, the notice sealed for exactly them, and the outbox row and its QUEUED status
 * written in one database transaction. When this returns, the notice survives a crash and will reach the hub.
 */
public class NoticeSubmitter {
    private static final Logger log = LoggerFactory.getLogger(NoticeSubmitter.class);

    private final Directory directory;
    private final NoticeComposer composer;
    private final OutboxStore outbox;
    private final NoticeStatusStore status;
    private final TransactionTemplate transaction;
    private final NoticeJson json;

    public NoticeSubmitter(Directory directory, NoticeComposer composer, OutboxStore outbox, NoticeStatusStore status,
                           TransactionTemplate transaction, NoticeJson json) {
        this.directory = directory;
        this.composer = composer;
        this.outbox = outbox;
        this.status = status;
        this.transaction = transaction;
        this.json = json;
    }

    /** Queues the notice and returns its id; a notice id seen before is refused {@code replayed_notice}. */
    public UUID submit(ParsedSubmission parsed) {
        CaseSubmission request = parsed.submission();
        UUID noticeId = request.noticeId() != null ? request.noticeId() : UUID.randomUUID();
        if (status.exists(noticeId) || outbox.contains(noticeId)) {
            throw new SambandException(ErrorCode.REPLAYED_NOTICE, "notice id already submitted");
        }
        List<ParticipantId> recipients = parsed.query() != null ? directory.resolve(parsed.query())
                : parsed.recipients();
        if (recipients.isEmpty()) {
            throw new SambandException(ErrorCode.NO_RECIPIENT_FOUND, "the directory names no such recipient");
        }
        Map<ParticipantId, X509Certificate> certificates = new LinkedHashMap<>();
        for (ParticipantId recipient : recipients) {
            certificates.put(recipient, directory.certificate(recipient));
        }
        CaseSubmission resolved = new CaseSubmission(noticeId, request.type(), request.persons(), request.purpose(),
                request.basis(), request.consentId(), request.reasonCode(), request.dataCategories(), recipients,
                request.caseRef(), request.respondBy(), request.expires(), request.inReplyTo(), request.fields());
        NoticeComposer.ComposedNotice composed = composer.compose(resolved, certificates);
        byte[] container = json.writeContainer(composed.sealed());
        if (container.length > json.limits().maxContainerBytes()) {
            // the hub would refuse it after the 202: say so now
            throw new SambandException(ErrorCode.NOTICE_TOO_LARGE, "sealed notice over the container limit");
        }
        transaction.executeWithoutResult(tx -> {
            status.queued(noticeId, request.type(), recipients);
            outbox.add(noticeId, OutboxStore.Kind.NOTICE, container);
        });
        log.info("notice {} ({}) queued for {}", noticeId, request.type(), recipients);
        return noticeId;
    }
}
