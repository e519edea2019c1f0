package se.samband.hub.consent;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.ConsentValidator;
import se.samband.security.consent.RegistrationProblem;
import se.samband.security.federation.Federation;

/**
 * The consent registry's write side: registers version 1 of a consent, new versions and withdrawals, each in the
 * name of the participant that recorded it and only after {@link ConsentValidator} found no problem. A change is
 * written with JDBC in one database transaction; its audit event ({@code CONSENT_REGISTERED},
 * {@code CONSENT_VERSIONED}, {@code CONSENT_WITHDRAWN}) is sent on {@code samband.hub.audit} in a transacted JMS
 * session that commits right after the database did. Then every hub instance's cache forgets the subject
 * ({@link ConsentChanges#announce}), so that a withdrawal takes effect for the next decision, and a
 * {@link ConsentRegistryChanged} event lets the held store release what the change permits; a withdrawal is also
 * published as {@link ConsentWithdrawn} for the fan-out to earlier recipients.
 */
public class ConsentRegistry {
    private static final Logger log = LoggerFactory.getLogger(ConsentRegistry.class);
    private static final Set<ConsentRecord.Status> VERSION_STATUSES = Set.of(ConsentRecord.Status.ACTIVE,
            ConsentRecord.Status.EXPIRED, ConsentRecord.Status.ENTERED_IN_ERROR);

    private final JdbcConsentWriter rows;
    private final TransactionTemplate transactions;
    private final JdbcConsentStore store;
    private final Supplier<Federation> federation;
    private final ConsentChanges changes;
    private final ApplicationEventPublisher events;
    private final DispatchWriter writer;
    private final ConnectionFactory connectionFactory;
    private final Clock clock;

    public ConsentRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, JdbcConsentStore store,
                           Supplier<Federation> federation, ConsentChanges changes, ApplicationEventPublisher events,
                           DispatchWriter writer, ConnectionFactory connectionFactory, Clock clock) {
        this.rows = new JdbcConsentWriter(jdbc);
        this.transactions = transactions;
        this.store = store;
        this.federation = federation;
        this.changes = changes;
        this.events = events;
        this.writer = writer;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
    }

    /** Registers version 1 in {@code caller}'s name. */
    public ConsentRecord register(ParticipantId caller, ConsentRequest request) {
        List<ConsentRefused.Problem> problems = new ArrayList<>();
        ConsentRecord.Builder builder = fromRequest(caller, request, problems).consentId(request.consentId())
                .version(1);
        ConsentRecord consent = validated(builder.build(), problems);
        if (request.consentId() != null && latest(request.consentId()).isPresent()) {
            throw new ConsentRefused(request.consentId(),
                    List.of(ConsentRefused.Problem.of("already_registered", "consentId")));
        }
        store(caller, consent, AuditEventType.CONSENT_REGISTERED);
        return consent;
    }

    /** Registers the next version of {@code consentId}; only its recorder may. The subject cannot change. */
    public ConsentRecord newVersion(ParticipantId caller, String consentId, ConsentRequest request) {
        ConsentRecord current = ownLatest(caller, consentId);
        List<ConsentRefused.Problem> problems = new ArrayList<>();
        ConsentRecord.Builder builder = fromRequest(caller, request, problems).consentId(consentId)
                .version(current.version() + 1);
        if (request.subjectPseudonym() == null) {
            builder.subjectPseudonym(current.subjectPseudonym());
        } else if (!request.subjectPseudonym().equals(current.subjectPseudonym())) {
            problems.add(ConsentRefused.Problem.of("subject_changed", "subjectPseudonym"));
        }
        if (request.status() != null && !VERSION_STATUSES.contains(request.status())) {
            problems.add(new ConsentRefused.Problem("invalid_format", "status", request.status().name()));
        }
        if (current.status() == ConsentRecord.Status.WITHDRAWN) {
            problems.add(ConsentRefused.Problem.of("already_withdrawn", "status"));
        }
        ConsentRecord consent = validated(builder.build(), problems);
        store(caller, consent, AuditEventType.CONSENT_VERSIONED);
        return consent;
    }

    /** Withdraws {@code consentId} as a new version with status WITHDRAWN; only its recorder may. */
    public ConsentRecord withdraw(ParticipantId caller, String consentId, ConsentRequest.Withdrawal withdrawal) {
        ConsentRecord current = ownLatest(caller, consentId);
        Instant now = clock.instant();
        List<ConsentRefused.Problem> problems = new ArrayList<>();
        if (current.status() == ConsentRecord.Status.WITHDRAWN) {
            problems.add(ConsentRefused.Problem.of("already_withdrawn", "status"));
        }
        Instant at = withdrawal == null || withdrawal.withdrawnAt() == null ? now : withdrawal.withdrawnAt();
        if (at.isAfter(now.plusSeconds(300))) {
            problems.add(ConsentRefused.Problem.of(RegistrationProblem.Code.RECORDED_IN_FUTURE.code(),
                    "withdrawnAt"));
        }
        ConsentRecord consent = validated(current.toBuilder()
                .version(current.version() + 1)
                .status(ConsentRecord.Status.WITHDRAWN)
                .recordedAt(now)
                .withdrawnAt(at)
                .withdrawnVia(withdrawal == null ? null : withdrawal.withdrawnVia())
                .build(), problems);
        store(caller, consent, AuditEventType.CONSENT_WITHDRAWN);
        events.publishEvent(new ConsentWithdrawn(consentId));
        return consent;
    }

    /**
     * The latest version of each consent of {@code subjectPseudonym} that {@code caller} recorded or is named in
     * as sender or recipient; others' consents of the same person are not shown.
     */
    public List<ConsentRecord> consentsOf(ParticipantId caller, String subjectPseudonym) {
        return latestOfEach(store.consentsFor(List.of(subjectPseudonym))).stream()
                .filter(c -> c.recordedBy().equals(caller) || c.senders().contains(caller)
                        || c.recipients().contains(caller))
                .sorted(Comparator.comparing(ConsentRecord::consentId))
                .toList();
    }

    private ConsentRecord ownLatest(ParticipantId caller, String consentId) {
        ConsentRecord current = latest(consentId).orElseThrow(() -> new SambandException(
                ErrorCode.CONSENT_NOT_FOUND, "no consent " + consentId));
        if (!current.recordedBy().equals(caller)) {
            throw new SambandException(ErrorCode.CONSENT_NOT_YOURS,
                    "participant " + caller + " tried to change consent " + consentId + " of " + current.recordedBy());
        }
        return current;
    }

    private Optional<ConsentRecord> latest(String consentId) {
        return store.consentsFor(rows.subjectsOf(consentId)).stream()
                .filter(c -> c.consentId().equals(consentId))
                .max(Comparator.comparingInt(ConsentRecord::version));
    }

    private static List<ConsentRecord> latestOfEach(Collection<ConsentRecord> versions) {
        Map<String, ConsentRecord> latest = versions.stream().collect(Collectors.toMap(ConsentRecord::consentId,
                Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
        return List.copyOf(latest.values());
    }

    /** Everything in the request but id and version; format problems of its participants go to {@code problems}. */
    private ConsentRecord.Builder fromRequest(ParticipantId caller, ConsentRequest request,
                                              List<ConsentRefused.Problem> problems) {
        if (request.recordedBy() != null && !request.recordedBy().equals(caller.value())) {
            throw new SambandException(ErrorCode.CONSENT_NOT_YOURS,
                    "participant " + caller + " tried to register a consent in another participant's name");
        }
        return ConsentRecord.builder()
                .status(request.status() == null ? ConsentRecord.Status.ACTIVE : request.status())
                .subjectPseudonym(request.subjectPseudonym())
                .givenBy(request.givenBy())
                .recordedBy(caller)
                .recordedByFunction(request.recordedByFunction())
                .recordedAt(request.recordedAt() == null ? clock.instant() : request.recordedAt())
                .form(request.form())
                .evidenceRef(request.evidenceRef())
                .senders(participants("senders", request.senders(), problems))
                .recipients(participants("recipients", request.recipients(), problems))
                .noticeTypes(request.noticeTypes() == null ? Set.of() : withoutNull(request.noticeTypes()))
                .dataCategories(request.dataCategories() == null ? Set.of() : withoutNull(request.dataCategories()))
                .purposes(request.purposes() == null ? Set.of() : withoutNull(request.purposes()))
                .validFrom(request.validFrom())
                .validTo(request.validTo())
                .effect(request.effect() == null ? ConsentRecord.Effect.PERMIT : request.effect());
    }

    /** Named participants only: a wildcard or any other malformed id is a problem of the field, never echoed. */
    private static Set<ParticipantId> participants(String field, List<String> values,
                                                   List<ConsentRefused.Problem> problems) {
        Set<ParticipantId> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            if (ParticipantId.isValid(value)) {
                ids.add(ParticipantId.of(value));
            } else {
                problems.add(ConsentRefused.Problem.of(RegistrationProblem.Code.INVALID_FORMAT.code(), field));
            }
        }
        return ids;
    }

    private static <T> Set<T> withoutNull(Set<T> values) {
        Set<T> copy = new LinkedHashSet<>(values);
        copy.remove(null);
        return copy;
    }

    private ConsentRecord validated(ConsentRecord consent, List<ConsentRefused.Problem> problems) {
        List<ConsentRefused.Problem> all = new ArrayList<>(problems);
        for (RegistrationProblem problem : new ConsentValidator(federation.get(), clock).validate(consent)) {
            all.add(new ConsentRefused.Problem(problem.code().code(), problem.field(), problem.value()));
        }
        if (!all.isEmpty()) {
            throw new ConsentRefused(consent.consentId(), all);
        }
        return consent;
    }

    /** One database transaction for the version, its audit event committed right after, then the announcements. */
    private void store(ParticipantId caller, ConsentRecord consent, AuditEventType type) {
        AuditEvent event = AuditEvent.builder(type, clock.instant(), caller.value())
                .subjectPseudonyms(List.of(consent.subjectPseudonym()))
                .consentId(consent.consentId() + ":v" + consent.version())
                .legalBasis(type == AuditEventType.CONSENT_WITHDRAWN ? null : LegalBasisCode.CONSENT)
                .detailDigest(type == AuditEventType.CONSENT_WITHDRAWN ? null : digest(consent.evidenceRef()))
                .build();
        DispatchPlan audit = new DispatchPlan(null, List.of(), List.of(), List.of(), List.of(event), List.of(), null);
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                transactions.executeWithoutResult(status -> {
                    rows.insert(consent);
                    write(audit, session);
                });
            } catch (DuplicateKeyException raced) {
                session.rollback();
                throw new ConsentRefused(consent.consentId(),
                        List.of(ConsentRefused.Problem.of("version_conflict", "version")));
            } catch (RuntimeException e) {
                session.rollback();
                throw e;
            }
            try {
                session.commit();
            } catch (JMSException e) {
                // The version is in the database; only its audit event is lost. Loud, for an operator.
                log.error("consent {} version {} stored but its {} audit event was not committed ({})",
                        consent.consentId(), consent.version(), type, e.getErrorCode());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("broker unavailable for the audit of consent " + consent.consentId(), e);
        }
        log.info("{} {} version {} by {}", type, consent.consentId(), consent.version(), caller);
        changes.announce(List.of(consent.subjectPseudonym()));
        events.publishEvent(new ConsentRegistryChanged(consent.consentId(), List.of(consent.subjectPseudonym())));
    }

    private void write(DispatchPlan audit, Session session) {
        try {
            writer.write(audit, session);
        } catch (JMSException e) {
            throw new IllegalStateException("audit event could not be sent: " + e.getErrorCode(), e);
        }
    }

    private static String digest(String evidenceRef) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(evidenceRef.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
