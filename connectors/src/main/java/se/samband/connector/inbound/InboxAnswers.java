package se.samband.connector.inbound;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.notice.NoticeType;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.seal.OpenedNotice;

/**
 * The case system accepts or declines a received notice: the inbox row changes state and the receipt goes into
 * the outbox in one database transaction. Answering the same way twice changes nothing; the other way is refused.
 */
public class InboxAnswers {
    private static final Logger log = LoggerFactory.getLogger(InboxAnswers.class);
    private final InboxStore inbox;
    private final InboxItems items;
    private final InboundNotices inbound;
    private final TransactionTemplate transaction;

    public InboxAnswers(InboxStore inbox, InboxItems items, InboundNotices inbound, TransactionTemplate transaction) {
        this.inbox = inbox;
        this.items = items;
        this.inbound = inbound;
        this.transaction = transaction;
    }

    public InboxStore.State answer(UUID noticeId, InboxStore.State answer, String reasonCode) {
        InboxStore.Row row = inbox.find(noticeId)
                .orElseThrow(() -> new SambandException(ErrorCode.NOTICE_NOT_FOUND, "not in the inbox"));
        if (row.state() == answer) {
            return answer;
        }
        if (row.state() != InboxStore.State.NEW) {
            throw new SambandException(ErrorCode.NOTICE_ALREADY_ANSWERED, "inbox notice is " + row.state());
        }
        OpenedNotice opened = items.open(row.container());
        NoticeType type = answer == InboxStore.State.ACCEPTED ? NoticeType.ACCEPTED : NoticeType.DECLINED;
        transaction.executeWithoutResult(tx -> {
            if (!inbox.answer(noticeId, answer)) {
                throw new SambandException(ErrorCode.NOTICE_ALREADY_ANSWERED, "answered concurrently");
            }
            inbound.queueReceipt(type, noticeId, row.sender(), opened.signer(), reasonCode);
        });
        log.info("notice {} {} by the case system", noticeId, answer);
        return answer;
    }
}
