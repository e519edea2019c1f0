package se.samband.hub.intake;

import java.util.UUID;
import se.samband.hub.system.RetryLater;

/**
 * Another copy of the notice is being processed in a transaction that did not end while this one waited (see
 * {@link NoticeClaims}). Not a refusal: this copy's transaction rolls back and the broker redelivers it, and by then
 * the other copy has committed (this one is refused as a replay) or rolled back (this one is processed).
 */
final class NoticeClaimedElsewhere extends RetryLater {
    NoticeClaimedElsewhere(UUID noticeId) {
        super("notice " + noticeId + " is being processed in another transaction: this copy is retried after the"
                + " broker's redelivery delay");
    }
}
