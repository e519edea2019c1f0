package se.samband.hub.riskflag;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.consent.ConsentChanges;
import se.samband.hub.consent.ConsentRegistryChanged;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.audit.AuditOutcome;
import se.samband.security.consent.RiskFlag;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Sets and clears risk flags in the name of the participant the client certificate authenticated, and records the
 * end of flags that ran out. Only {@link RiskFlag#SETTER_KINDS} (police, social services) may set or clear; a
 * refused attempt is audited as the same event with outcome FAILED. Each change is one database transaction whose
 * audit event ({@code RISK_FLAG_SET}, {@code RISK_FLAG_CLEARED}) is sent in a transacted JMS session that commits
 * right after it (the registry's order). Then every hub instance's cache forgets the subject, and a clear or an
 * end asks the held store to decide the subject's held notices again, which releases those the flag held.
 */
public class RiskFlags {
    /** AUDIT-EVENTS.md: RISK_FLAG_CLEARED's reason when a participant cleared the flag. */
    static final String CLEARED = "CLEARED";
    /** AUDIT-EVENTS.md: RISK_FLAG_CLEARED's reason when the flag ran out (actor the hub). */
    static final String EXPIRED = "EXPIRED";
    private static final Logger log = LoggerFactory.getLogger(RiskFlags.class);
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    /** UPPER_SNAKE; no run of six digits, so that nothing shaped like a personal identity number passes. */
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6}");
    private static final int END_BATCH = 200;

    private final JdbcRiskFlags rows;
    private final TransactionTemplate transactions;
    private final Supplier<Federation> federation;
    private final ConsentChanges changes;
    private final ApplicationEventPublisher events;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;
    private final Duration maxPeriod;

    RiskFlags(JdbcRiskFlags rows, TransactionTemplate transactions, Supplier<Federation> federation,
              ConsentChanges changes, ApplicationEventPublisher events, DispatchWriter writer,
              ConnectionFactory connectionFactory, Clock clock, Duration maxPeriod) {
        this.rows = rows;
        this.transactions = transactions;
        this.federation = federation;
        this.changes = changes;
        this.events = events;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
        this.maxPeriod = maxPeriod;
    }

    /** Sets a flag in {@code caller}'s name; refused unless the caller is police or social services. */
    public RiskFlagView set(ParticipantId caller, RiskFlagRequest request) {
        Instant now = now();
        String subject = request == null ? null : request.subjectPseudonym();
        if (!maySetOrClear(caller)) {
            refused(AuditEventType.RISK_FLAG_SET, caller, subject, now);
        }
        List<RiskFlagRefused.Problem> problems = problems(request, now);
        if (!problems.isEmpty()) {
            throw new RiskFlagRefused(problems);
        }
        UUID id = UUID.randomUUID();
        RiskFlag flag = new RiskFlag(subject, caller, request.until(), request.reasonCode(), now, null);
        AuditEvent event = AuditEvent.builder(AuditEventType.RISK_FLAG_SET, now, caller.value())
                .subjectPseudonyms(List.of(subject))
                .reasonCode(flag.reasonCode())
                .build();
        commit(() -> {
            rows.insert(id, flag);
            return true;
        }, event);
        log.info("risk flag {} set by {} until {} ({})", id, caller, flag.until(), flag.reasonCode());
        changes.announce(List.of(subject));
        return RiskFlagView.of(new StoredFlag(id, flag, null), now);
    }

    /**
     * Clears a flag; any participant that may set flags may clear one (the police and social services work the
     * case together), and the trail names who did. Clearing a flag already cleared changes nothing.
     */
    public RiskFlagView clear(ParticipantId caller, UUID id) {
        Instant now = now();
        Optional<StoredFlag> found = rows.find(id);
        if (!maySetOrClear(caller)) {
            refused(AuditEventType.RISK_FLAG_CLEARED, caller, found.map(f -> f.flag().subjectPseudonym()).orElse(null),
                    now);
        }
        StoredFlag flag = found.orElseThrow(() -> new SambandException(ErrorCode.RISK_FLAG_NOT_FOUND,
                "no risk flag " + id));
        if (flag.flag().clearedAt() != null) {
            return RiskFlagView.of(flag, now);
        }
        String subject = flag.flag().subjectPseudonym();
        AuditEvent event = AuditEvent.builder(AuditEventType.RISK_FLAG_CLEARED, now, caller.value())
                .subjectPseudonyms(List.of(subject))
                .reasonCode(CLEARED)
                .build();
        if (commit(() -> rows.clear(id, caller, now), event)) {
            log.info("risk flag {} cleared by {}", id, caller);
            ended(subject);
        }
        return RiskFlagView.of(rows.find(id).orElseThrow(), now);
    }

    /** Every flag on a subject, active or not, oldest first. */
    public List<RiskFlagView> flagsOf(String subject) {
        if (subject == null || !PSEUDONYM.matcher(subject).matches()) {
            throw new RiskFlagRefused(List.of(new RiskFlagRefused.Problem("invalid_format", "subject")));
        }
        Instant now = now();
        return rows.ofSubject(subject).stream().map(f -> RiskFlagView.of(f, now)).toList();
    }

    /**
     * Records every flag that ran out by now ({@code RISK_FLAG_CLEARED}, actor the hub, reason {@code EXPIRED}),
     * once, and asks the held store to release what it held; returns how many.
     */
    public int recordEnded() {
        Instant now = now();
        int recorded = 0;
        for (StoredFlag flag : rows.endedUnrecorded(now, END_BATCH)) {
            String subject = flag.flag().subjectPseudonym();
            AuditEvent event = AuditEvent.builder(AuditEventType.RISK_FLAG_CLEARED, now, ParticipantId.HUB.value())
                    .subjectPseudonyms(List.of(subject))
                    .reasonCode(EXPIRED)
                    .build();
            if (commit(() -> rows.recordEnd(flag.id(), now), event)) {
                log.info("risk flag {} ran out at {}", flag.id(), flag.flag().until());
                ended(subject);
                recorded++;
            }
        }
        return recorded;
    }

    /** Milliseconds, as the audit trail keeps time: a stored time read back is then the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void ended(String subject) {
        changes.announce(List.of(subject));
        events.publishEvent(new ConsentRegistryChanged(null, List.of(subject)));
    }

    private boolean maySetOrClear(ParticipantId caller) {
        Optional<Participant> participant = federation.get().participant(caller);
        return participant.isPresent() && RiskFlag.SETTER_KINDS.contains(participant.get().kind());
    }

    /** Audits the refused attempt (outcome FAILED) and refuses it. */
    private void refused(AuditEventType type, ParticipantId caller, String subject, Instant now) {
        AuditEvent event = AuditEvent.builder(type, now, caller.value())
                .outcome(AuditOutcome.FAILED)
                .subjectPseudonyms(subject != null && PSEUDONYM.matcher(subject).matches() ? List.of(subject)
                        : List.of())
                .reasonCode(ErrorCode.RISK_FLAG_NOT_PERMITTED.code())
                .build();
        commit(() -> true, event);
        throw new SambandException(ErrorCode.RISK_FLAG_NOT_PERMITTED, "participant " + caller
                + " may not set or clear risk flags");
    }

    private List<RiskFlagRefused.Problem> problems(RiskFlagRequest request, Instant now) {
        List<RiskFlagRefused.Problem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new RiskFlagRefused.Problem("missing", "body"));
            return problems;
        }
        if (request.subjectPseudonym() == null) {
            problems.add(new RiskFlagRefused.Problem("missing", "subjectPseudonym"));
        } else if (!PSEUDONYM.matcher(request.subjectPseudonym()).matches()) {
            problems.add(new RiskFlagRefused.Problem("invalid_format", "subjectPseudonym"));
        }
        if (request.until() == null) {
            problems.add(new RiskFlagRefused.Problem("missing", "until"));
        } else if (!request.until().isAfter(now)) {
            problems.add(new RiskFlagRefused.Problem("in_past", "until"));
        } else if (request.until().isAfter(now.plus(maxPeriod))) {
            problems.add(new RiskFlagRefused.Problem("period_too_long", "until"));
        }
        if (request.reasonCode() == null) {
            problems.add(new RiskFlagRefused.Problem("missing", "reasonCode"));
        } else if (!REASON_CODE.matcher(request.reasonCode()).matches()
                || DIGIT_RUN.matcher(request.reasonCode()).find()) {
            problems.add(new RiskFlagRefused.Problem("invalid_format", "reasonCode"));
        }
        return problems;
    }

    /**
     * Runs {@code database} in one database transaction with the audit event sent in a transacted JMS session, and
     * commits the session right after the database; false (nothing sent) if {@code database} said there was
     * nothing to do.
     */
    private boolean commit(BooleanSupplier database, AuditEvent event) {
        DispatchPlan audit = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event), List.of(), null);
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            boolean done;
            try {
                done = Boolean.TRUE.equals(transactions.execute(status -> {
                    if (!database.getAsBoolean()) {
                        return false;
                    }
                    write(audit, session);
                    return true;
                }));
            } catch (RuntimeException e) {
                session.rollback();
                throw e;
            }
            if (!done) {
                session.rollback();
                return false;
            }
            try {
                session.commit();
            } catch (JMSException e) {
                // The change is in the database; only its audit event is lost. Loud, for an operator.
                log.error("{} stored but its audit event was not committed ({})", event.type(), e.getErrorCode());
            }
            return true;
        } catch (JMSException e) {
            throw new IllegalStateException("broker unavailable for the audit of a risk flag", e);
        }
    }

    private void write(DispatchPlan audit, Session session) {
        try {
            writer.write(audit, session);
        } catch (JMSException e) {
            throw new IllegalStateException("audit event could not be sent: " + e.getErrorCode(), e);
        }
    }
}
