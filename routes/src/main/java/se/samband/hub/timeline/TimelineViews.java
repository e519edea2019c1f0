package se.samband.hub.timeline;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.List;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.dispatch.OwnTransaction;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/**
 * Records a security officer's view of a timeline as {@code TIMELINE_VIEWED} on {@code samband.hub.audit}, committed
 * before the timeline is shown: no view without its audit event. The event names the notice or the subject asked
 * about; for a case reference, its digest ({@link CaseRefDigest}) as detailDigest, never the reference.
 */
public class TimelineViews {
    private final ConnectionFactory connectionFactory;
    private final DispatchWriter writer;
    private final Clock clock;

    public TimelineViews(ConnectionFactory connectionFactory, DispatchWriter writer, Clock clock) {
        this.connectionFactory = connectionFactory;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * @param actor the officer as {@code security-officer:<account>}
     * @throws JMSException when the broker did not take the event: the view must then be refused
     */
    public void record(String actor, TimelineQuery query) throws JMSException {
        AuditEvent.Builder event = AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, clock.instant(), actor);
        switch (query.kind()) {
            case NOTICE -> event.noticeId(query.noticeId());
            case SUBJECT -> event.subjectPseudonyms(List.of(query.value()));
            case CASE_REF -> event.detailDigest(CaseRefDigest.of(query.value()));
        }
        DispatchPlan plan = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event.build()), List.of(),
                null);
        OwnTransaction.commit(plan, writer, connectionFactory);
    }
}
