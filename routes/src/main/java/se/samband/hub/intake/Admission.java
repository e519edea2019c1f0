package se.samband.hub.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import se.samband.hub.handover.HandoverStore;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Step 1, admit: what can be judged before any cryptography. The size (before parsing), the strict container
 * and header, the creation time within {@link #CLOCK_SKEW} of the hub's clock, not expired, and not a replay of a
 * notice id the hub has already processed. Each check throws a {@link SambandException} with its code.
 * The header read here is not yet verified: verification reads it again from the signed bytes. Last, the notice id
 * is claimed for the caller's transaction ({@link NoticeClaims}), so that another copy is not processed beside it.
 */
final class Admission {
    /** ARCHITECTURE.md: clock skew ±5 min. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * How long a copy waits for another transaction's claim on its notice id to end. That transaction is normally
     * milliseconds from its end. A copy waits only while its own transaction has dispatched no other notice, so a
     * waiter holds no claim another could wait for.
     */
    static final Duration CLAIM_PATIENCE = Duration.ofSeconds(2);

    private final NoticeJson json;
    private final RecentNoticeIds recent;
    private final HandoverStore handovers;
    private final NoticeClaims claims;
    private final Duration claimPatience;
    private final Clock clock;

    Admission(NoticeJson json, RecentNoticeIds recent, HandoverStore handovers, Clock clock) {
        this(json, recent, handovers, clock, CLAIM_PATIENCE);
    }

    Admission(NoticeJson json, RecentNoticeIds recent, HandoverStore handovers, Clock clock, Duration claimPatience) {
        this.json = json;
        this.recent = recent;
        this.handovers = handovers;
        this.claims = new NoticeClaims(clock);
        this.claimPatience = claimPatience;
        this.clock = clock;
    }

    /** The container's size and form: notice_too_large, malformed_json, bad_base64, ... */
    SealedNotice readContainer(byte[] container) {
        return json.readContainer(container);
    }

    /** The header's form: schema_violation, personal_data_in_header, ... */
    NoticeHeader readHeader(SealedNotice notice) {
        return json.readHeader(notice.header());
    }

    /** clock_skew, notice_expired */
    void checkTimes(NoticeHeader header) {
        Instant now = clock.instant();
        Instant created = header.created();
        if (created.isBefore(now.minus(CLOCK_SKEW)) || created.isAfter(now.plus(CLOCK_SKEW))) {
            throw new SambandException(ErrorCode.CLOCK_SKEW, "notice " + header.noticeId() + " created "
                    + Duration.between(now, created).toSeconds() + " s from the hub's clock");
        }
        if (header.expires() != null && !header.expires().isAfter(now)) {
            throw new SambandException(ErrorCode.NOTICE_EXPIRED, "notice " + header.noticeId());
        }
    }

    /** replayed_notice: this instance dispatched it lately, or the handover store knows it. */
    void checkReplay(NoticeHeader header) {
        UUID id = header.noticeId();
        // Dispatched in the inbox transaction still open on this thread: a second copy in the same batch.
        if (recent.contains(id) || InboxTransaction.current().holdsDispatchOf(id) || handovers.noticeKnown(id)) {
            throw new SambandException(ErrorCode.REPLAYED_NOTICE, "notice " + id);
        }
    }

    /**
     * Claims the notice id for the caller's transaction, which must release the claim when it commits or rolls
     * back. If another transaction holds it and the caller's own has dispatched no other notice (or it is not an
     * inbox transaction), waits for the other to end ({@link #CLAIM_PATIENCE}) and checks for a replay again: a copy
     * of a notice that committed meanwhile is refused with replayed_notice.
     *
     * @throws NoticeClaimedElsewhere the other transaction has not ended, or the caller's holds other claims: roll
     *                                back and let the broker redeliver
     */
    NoticeClaims.Claim claim(NoticeHeader header) {
        UUID id = header.noticeId();
        NoticeClaims.Claim mine = claims.claim(id);
        if (mine != null) {
            return mine;
        }
        if (InboxTransaction.current().holdsDispatches()) {
            throw new NoticeClaimedElsewhere(id);    // it holds claims: a wait here could close a circle
        }
        try {
            claims.awaitEnd(id, claimPatience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeClaimedElsewhere(id);
        }
        checkReplay(header);
        mine = claims.claim(id);
        if (mine == null) {
            throw new NoticeClaimedElsewhere(id);
        }
        return mine;
    }

    /** Ends {@code claim}: the transaction that made it ended, or processing ended without one. */
    void release(NoticeClaims.Claim claim) {
        claims.release(claim);
    }

    /** Ends the claim on {@code noticeId} assigned to {@code holder} (see {@link NoticeClaims.Claim#assign}). */
    void release(UUID noticeId, Object holder) {
        claims.release(noticeId, holder);
    }

    /** Whether a transaction that has not ended yet holds the notice id. */
    boolean claimed(UUID noticeId) {
        return claims.held(noticeId);
    }

    /** Whether this instance dispatched the notice lately (its transaction committed within the recent window). */
    boolean dispatchedLately(UUID noticeId) {
        return recent.contains(noticeId);
    }

    /** Called once the transaction that dispatched the notice has committed. */
    void markSeen(UUID noticeId) {
        recent.add(noticeId);
    }

    NoticeJson json() {
        return json;
    }
}
