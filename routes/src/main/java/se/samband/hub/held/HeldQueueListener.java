package se.samband.hub.held;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.dispatch.DispatchProperties;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Subject;

/**
 * Consumes {@code samband.hub.held} in a transacted session (the container's): each message becomes a
 * {@code held_notice} row, idempotently, so a message redelivered after a failed commit is kept once. Subjects and
 * the cited consent id come from the container's header, which the pipeline verified before it held the notice;
 * the body is never opened. After keeping a row it asks for the notice to be decided again, so that a consent
 * registered while the copy was still on the queue releases it too.
 */
class HeldQueueListener implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(HeldQueueListener.class);

    private final JdbcHeldStore store;
    private final NoticeJson json;
    private final Clock clock;
    private final Duration window;
    private final Consumer<HeldNotice> afterHold;

    HeldQueueListener(JdbcHeldStore store, NoticeJson json, Clock clock, Duration window,
                      Consumer<HeldNotice> afterHold) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.window = window;
        this.afterHold = afterHold;
    }

    @Override
    public void onMessage(Message message) {
        try {
            HeldNotice notice = read((BytesMessage) message);
            if (store.hold(notice)) {
                log.info("notice {} held for {} ({})", notice.noticeId(), notice.recipient(), notice.reason());
                afterHold.accept(notice);
            }
        } catch (JMSException e) {
            // Rolls the session back: the broker redelivers, then parks the message in the DLQ.
            throw new IllegalStateException("held message could not be read: " + e.getErrorCode(), e);
        }
    }

    /**
     * The header the pipeline verified before it held the notice; null if it cannot be read here (a bug upstream):
     * the notice is kept all the same, is never released, and expires back to its sender when its window ends.
     */
    private NoticeHeader headerOf(byte[] container) {
        try {
            return json.readHeader(json.readContainer(container).header());
        } catch (RuntimeException e) {
            log.warn("held container's header unreadable ({}); kept until its window ends",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    HeldNotice read(BytesMessage message) throws JMSException {
        byte[] container = new byte[(int) message.getBodyLength()];
        message.readBytes(container);
        Instant now = clock.instant();
        List<String> subjects = new ArrayList<>();
        String consentId = null;
        NoticeHeader header = headerOf(container);
        if (header != null) {
            for (Subject subject : header.subjects()) {
                subjects.add(subject.pseudonym());
            }
            LegalBasisClaim claim = header.legalBasis();
            consentId = claim != null && claim.code() == LegalBasisCode.CONSENT ? claim.consentId() : null;
        }
        return new HeldNotice(
                UUID.fromString(message.getStringProperty(DispatchProperties.NOTICE_ID)),
                ParticipantId.of(message.getStringProperty(DispatchProperties.RECIPIENT)),
                ParticipantId.of(message.getStringProperty(DispatchProperties.SENDER)),
                NoticeType.valueOf(message.getStringProperty(DispatchProperties.TYPE)),
                message.getStringProperty(DispatchProperties.REASON),
                consentId != null && consentId.length() <= 64 ? consentId : null,
                now, now.plus(window), subjects, container);
    }
}
