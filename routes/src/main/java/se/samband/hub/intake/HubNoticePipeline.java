package se.samband.hub.intake;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import se.samband.hub.consent.ConsentStore;
import se.samband.hub.decision.DisclosureDecisions;
import se.samband.hub.decision.RecipientDecision;
import se.samband.hub.directory.Directory;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.routing.RecipientRefused;
import se.samband.hub.routing.Route;
import se.samband.hub.routing.Routing;
import se.samband.hub.trust.FederationTrust;
import se.samband.hub.verify.Verification;
import se.samband.hub.verify.VerifiedNotice;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.seal.Sealing;

/**
 * The hub pipeline of ARCHITECTURE.md for one submission: admit, verify, route, decide, and the plan for
 * dispatch, record and watch. Each step is a bean of its own package, tested without Spring or Camel; this class
 * only runs them in order and turns a step's {@link SambandException} into a refusal. Steps 1–3 refuse the whole
 * notice; step 4 decides per recipient and never refuses the notice as a whole. Anything else that is thrown
 * (database, broker, the hub's own key) is a transient failure: the caller rolls back and the notice is
 * redelivered.
 *
 * <p>Admission claims the notice id for the caller's transaction ({@code NoticeClaims}), so that a second copy
 * taken by another consumer or request at the same moment is not dispatched beside the first: it waits for the first
 * copy's transaction to end and is then refused as a replay, or processed if the first rolled back (or, when its own
 * inbox transaction already holds other notices, or the wait runs out, it is rolled back for the broker to
 * redeliver). The caller ends the claim: {@link #committed} once its transaction has committed, which also
 * remembers the notice id so that a resend is refused as a replay; {@link #abandoned} when it did not commit, after
 * which the redelivery is processed afresh. A refusal or a transient failure ends the claim before {@link #process}
 * returns. A second copy in the same inbox transaction is refused at once ({@code InboxTransaction}). Claims are per
 * hub instance: two instances on one broker that each take a copy at the same moment both dispatch it.
 *
 * <p>Lazy: it needs the trust material and the handover store, whose beans come from the transport and audit
 * writer features; it is created when the intake route asks for it.
 */
@Component
@Lazy
public class HubNoticePipeline implements NoticePipeline {
    private static final Logger log = LoggerFactory.getLogger(HubNoticePipeline.class);

    private final Admission admission;
    private final Verification verification;
    private final Routing routing;
    private final DisclosureDecisions decisions;
    private final Plans plans;
    private volatile PipelineObserver observer = PipelineObserver.NONE;

    @Autowired
    public HubNoticePipeline(Directory directory, FederationTrust trust, HandoverStore handovers,
                             ConsentStore consents, Clock clock, PipelineProperties properties) {
        this(directory::federation, trust, handovers, consents, clock, properties);
    }

    public HubNoticePipeline(Supplier<Federation> federation, FederationTrust trust, HandoverStore handovers,
                             ConsentStore consents, Clock clock, PipelineProperties properties) {
        NoticeJson json = NoticeJson.strict(properties.noticeLimits());
        this.admission = new Admission(json, new RecentNoticeIds(RecentNoticeIds.DEFAULT_MAX_IDS,
                RecentNoticeIds.DEFAULT_WINDOW, clock), handovers, clock);
        this.verification = new Verification(Sealing.verifier(json), trust, federation);
        this.routing = new Routing(federation, handovers, admission::dispatchedLately);
        this.decisions = new DisclosureDecisions(consents, federation, clock);
        // The hub's own receipts are small and bounded by the default limits, not by what agencies may submit; their
        // headers are made from typed values, so writing them skips the read-back (HubReceiptsTest reads every kind).
        HubReceipts receipts = new HubReceipts(trust, NoticeJson.strict().withoutWriteCheck(), clock);
        this.plans = new Plans(receipts, federation, clock, properties.maxContainerBytes());
        log.info("EC signatures made and checked by {}", Sealing.ecSignatureProvider());
    }

    /** Reports step latencies and committed plans to {@code observer} (the hub's metrics) from now on. */
    @Autowired(required = false)
    public void observeWith(PipelineObserver observer) {
        this.observer = observer;
    }

    @Override
    public PipelineResult process(Submission submission) {
        Admitted admitted = new Admitted();
        PipelineResult result = null;
        try {
            result = admitAndPlan(submission, admitted);
            return result;
        } finally {
            if (admitted.claim != null) {
                if (result == null || result.rejected()) {
                    // A transient failure (the caller rolls back) or a refusal (nothing of the notice is
                    // dispatched): another copy may be processed.
                    admission.release(admitted.claim);
                } else {
                    admitted.claim.assign(result.plan());    // ended by committed or abandoned
                }
            }
        }
    }

    private PipelineResult admitAndPlan(Submission submission, Admitted admitted) {
        byte[] container = submission.container();
        Routed routed;
        try {
            routed = admitVerifyRoute(submission, admitted);
        } catch (SambandException e) {
            ParticipantId recipient = e instanceof RecipientRefused refused ? refused.recipient() : null;
            log.info("Refused notice {} from {}: {}", admitted.header == null ? "(header unreadable)"
                    : admitted.header.noticeId(), submission.authenticatedSender(), e.getMessage());
            return plans.refused(container, submission.authenticatedSender(), admitted.header, e.code(), recipient);
        }
        NoticeHeader header = routed.notice.header();
        long started = System.nanoTime();
        if (routed.route instanceof Route.ReceiptBack back) {
            PipelineResult forwarded = plans.forwarded(header, container, back);
            observer.stepTimed(PipelineObserver.Step.PLAN, System.nanoTime() - started);
            return forwarded;
        }
        Route.ToRecipients to = (Route.ToRecipients) routed.route;
        List<RecipientDecision> decided = decisions.decide(header, routed.notice.sender(), to.recipients());
        long planning = System.nanoTime();
        observer.stepTimed(PipelineObserver.Step.DECIDE, planning - started);
        PipelineResult result = plans.decided(header, container, decided);
        observer.stepTimed(PipelineObserver.Step.PLAN, System.nanoTime() - planning);
        return result;
    }

    /**
     * Remembers an accepted notice's id once the transaction that wrote its plan has committed, then ends its claim:
     * in that order, so a copy waiting for the claim finds the id taken.
     */
    @Override
    public void committed(PipelineResult result) {
        if (!result.rejected()) {
            UUID noticeId = result.plan().noticeId();
            try {
                markSeen(noticeId);
            } finally {
                admission.release(noticeId, result.plan());
            }
        }
        observer.committed(result);
    }

    /** Ends an accepted notice's claim: the transaction that was to write its plan did not commit it. */
    @Override
    public void abandoned(PipelineResult result) {
        if (!result.rejected()) {
            admission.release(result.plan().noticeId(), result.plan());
        }
    }

    @Override
    public void dispatchTimed(long nanos) {
        observer.stepTimed(PipelineObserver.Step.DISPATCH, nanos);
    }

    /** Refuse this notice id as a replay from now on (this instance; the handover store answers for all). */
    public void markSeen(UUID noticeId) {
        admission.markSeen(noticeId);
    }

    private Routed admitVerifyRoute(Submission submission, Admitted admitted) {
        long started = System.nanoTime();
        SealedNotice sealed = admission.readContainer(submission.container());
        admitted.header = admission.readHeader(sealed);
        admission.checkTimes(admitted.header);
        admission.checkReplay(admitted.header);
        admitted.claim = admission.claim(admitted.header);
        long verifying = System.nanoTime();
        observer.stepTimed(PipelineObserver.Step.ADMIT, verifying - started);
        // The header admission read from sealed.header() is the one the signature is checked over: read once.
        VerifiedNotice verified = verification.verify(sealed, admitted.header, submission.authenticatedSender());
        admitted.header = verified.header();
        long routed = System.nanoTime();
        observer.stepTimed(PipelineObserver.Step.VERIFY, routed - verifying);
        Route route = routing.route(verified.header(), verified.sender());
        observer.stepTimed(PipelineObserver.Step.ROUTE, System.nanoTime() - routed);
        return new Routed(verified, route);
    }

    /** What admission could read before a refusal (for its audit event and receipt), and its claim. */
    private static final class Admitted {
        NoticeHeader header;
        NoticeClaims.Claim claim;
    }

    private record Routed(VerifiedNotice notice, Route route) {
    }
}
