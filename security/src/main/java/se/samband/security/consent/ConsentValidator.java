package se.samband.security.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import se.samband.notice.PersonnummerShape;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.Purpose;
import se.samband.security.federation.Federation;
import se.samband.security.federation.LegalBasisRule;
import se.samband.security.federation.Participant;

/**
 * Checks a consent record or a risk flag before the registry accepts it, and reports <b>every</b> problem at
 * once, so that an agency can correct a record in one go. An empty list means the record may be registered.
 * It checks the record alone: that versions follow each other and never change is the registry's job.
 */
public final class ConsentValidator {
    /** How long one consent may run unless the federation says otherwise. */
    public static final Period DEFAULT_MAX_VALIDITY = Period.ofYears(3);
    /** The clock skew between an agency and the hub tolerated for "recorded at" (ARCHITECTURE.md: ±5 min). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** {@code ps1:} + base64url (no padding) of 32 bytes: 42 free characters and one that holds 4 bits. */
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final Pattern CONSENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern EVIDENCE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}");
    /** A function's title or code, e.g. "Frivårdsinspektör" or "KVI-1": short, no e-mail, no line breaks. */
    private static final Pattern FUNCTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.()/&_-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** Shaped like a personnummer or samordningsnummer (10 or 12 digits, optional - or +): never allowed. */

    private final Federation federation;
    private final Period maxValidity;
    private final Clock clock;

    /** A validator with the default maximum validity of {@link #DEFAULT_MAX_VALIDITY}. */
    public ConsentValidator(Federation federation, Clock clock) {
        this(federation, DEFAULT_MAX_VALIDITY, clock);
    }

    /**
     * @param maxValidity how long after validFrom a consent's validTo may lie, counted in UTC calendar terms
     */
    public ConsentValidator(Federation federation, Period maxValidity, Clock clock) {
        this.federation = Objects.requireNonNull(federation, "federation");
        this.maxValidity = Objects.requireNonNull(maxValidity, "maxValidity");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException("maxValidity must be positive");
        }
    }

    /** Every problem of a consent record (version) for registration; empty when it may be registered. */
    public List<RegistrationProblem> validate(ConsentRecord consent) {
        List<RegistrationProblem> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (consent.consentId() == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, "consentId"));
        } else if (!CONSENT_ID.matcher(consent.consentId()).matches()
                || PersonnummerShape.foundIn(consent.consentId())) {
            // A problem of the field, like any other: the id is audited, and the trail would refuse it.
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.INVALID_FORMAT, "consentId"));
        }
        if (consent.version() < 1) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.VERSION_INVALID, "version"));
        }
        required(problems, "status", consent.status());
        pseudonym(problems, consent.subjectPseudonym());
        required(problems, "givenBy", consent.givenBy());
        party(problems, "recordedBy", consent.recordedBy());
        text(problems, "recordedByFunction", consent.recordedByFunction(), FUNCTION);
        required(problems, "recordedAt", consent.recordedAt());
        if (consent.recordedAt() != null && consent.recordedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.RECORDED_IN_FUTURE, "recordedAt"));
        }
        required(problems, "form", consent.form());
        text(problems, "evidenceRef", consent.evidenceRef(), EVIDENCE_REF);
        parties(problems, "senders", consent.senders());
        parties(problems, "recipients", consent.recipients());
        noticeTypes(problems, consent.noticeTypes());
        nonEmpty(problems, "dataCategories", consent.dataCategories());
        purposes(problems, consent.purposes());
        period(problems, consent.validFrom(), consent.validTo());
        required(problems, "effect", consent.effect());
        withdrawal(problems, consent);
        return List.copyOf(problems);
    }

    /** Every problem of a risk flag for registration; empty when it may be registered. */
    public List<RegistrationProblem> validate(RiskFlag flag) {
        List<RegistrationProblem> problems = new ArrayList<>();
        pseudonym(problems, flag.subjectPseudonym());
        if (flag.setBy() == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, "setBy"));
        } else {
            federation.participant(flag.setBy()).ifPresentOrElse(
                    p -> {
                        if (!RiskFlag.SETTER_KINDS.contains(p.kind())) {
                            problems.add(new RegistrationProblem(RegistrationProblem.Code.SETTER_NOT_PERMITTED,
                                    "setBy", p.id().value()));
                        }
                    },
                    () -> problems.add(new RegistrationProblem(RegistrationProblem.Code.PARTICIPANT_UNKNOWN,
                            "setBy", flag.setBy().value())));
        }
        if (flag.reasonCode() == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, "reasonCode"));
        } else if (!CODE.matcher(flag.reasonCode()).matches()) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.INVALID_FORMAT, "reasonCode"));
        }
        required(problems, "setAt", flag.setAt());
        required(problems, "until", flag.until());
        if (flag.setAt() != null && flag.setAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.RECORDED_IN_FUTURE, "setAt"));
        }
        if (flag.setAt() != null && flag.until() != null && !flag.until().isAfter(flag.setAt())) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.PERIOD_REVERSED, "until"));
        }
        if (flag.clearedAt() != null && flag.setAt() != null && flag.clearedAt().isBefore(flag.setAt())) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.PERIOD_REVERSED, "clearedAt"));
        }
        return List.copyOf(problems);
    }

    private static void required(List<RegistrationProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, field));
        }
    }

    private static void nonEmpty(List<RegistrationProblem> problems, String field, Collection<?> values) {
        if (values.isEmpty()) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.SCOPE_EMPTY, field));
        }
    }

    private static void pseudonym(List<RegistrationProblem> problems, String pseudonym) {
        if (pseudonym == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, "subjectPseudonym"));
        } else if (!PSEUDONYM.matcher(pseudonym).matches()) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.INVALID_FORMAT, "subjectPseudonym"));
        }
    }

    /** Short references and titles: the right form, and nothing shaped like a personal identity number. */
    private static void text(List<RegistrationProblem> problems, String field, String value, Pattern form) {
        if (value == null || value.isBlank()) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, field));
        } else if (!form.matcher(value).matches() || PersonnummerShape.foundIn(value)) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.INVALID_FORMAT, field));
        }
    }

    private void party(List<RegistrationProblem> problems, String field, ParticipantId id) {
        if (id == null) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.MISSING, field));
            return;
        }
        Participant participant = federation.participant(id).orElse(null);
        if (participant == null) {
            problems.add(new RegistrationProblem(RegistrationProblem.Code.PARTICIPANT_UNKNOWN, field, id.value()));
        } else if (participant.kind() == ParticipantKind.HUB) {
            problems.add(new RegistrationProblem(RegistrationProblem.Code.HUB_NOT_ALLOWED, field, id.value()));
        }
    }

    private void parties(List<RegistrationProblem> problems, String field, Set<ParticipantId> ids) {
        nonEmpty(problems, field, ids);
        ids.stream().sorted().forEach(id -> party(problems, field, id));
    }

    private void noticeTypes(List<RegistrationProblem> problems, Set<NoticeType> types) {
        nonEmpty(problems, "noticeTypes", types);
        Set<NoticeType> consentable = federation.legalBases().rule(LegalBasisCode.CONSENT)
                .map(LegalBasisRule::types).orElse(Set.of());
        types.stream().sorted()
                .filter(t -> !t.isCaseNotice() || !consentable.contains(t))
                .forEach(t -> problems.add(new RegistrationProblem(RegistrationProblem.Code.NOT_CONSENTABLE,
                        "noticeTypes", t.name())));
    }

    private static void purposes(List<RegistrationProblem> problems, Set<Purpose> purposes) {
        nonEmpty(problems, "purposes", purposes);
        if (purposes.contains(Purpose.SERVICE)) {
            problems.add(new RegistrationProblem(RegistrationProblem.Code.NOT_CONSENTABLE, "purposes",
                    Purpose.SERVICE.name()));
        }
    }

    private void period(List<RegistrationProblem> problems, Instant from, Instant to) {
        required(problems, "validFrom", from);
        required(problems, "validTo", to);
        if (from == null || to == null) {
            return;
        }
        if (!to.isAfter(from)) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.PERIOD_REVERSED, "validTo"));
        } else if (to.isAfter(from.atOffset(ZoneOffset.UTC).plus(maxValidity).toInstant())) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.PERIOD_TOO_LONG, "validTo"));
        }
    }

    /** WITHDRAWN if and only if withdrawnAt is set; withdrawnVia only with withdrawnAt, and as a code. */
    private static void withdrawal(List<RegistrationProblem> problems, ConsentRecord consent) {
        boolean withdrawnStatus = consent.status() == ConsentRecord.Status.WITHDRAWN;
        if (withdrawnStatus != (consent.withdrawnAt() != null)) {
            problems.add(RegistrationProblem.of(RegistrationProblem.Code.WITHDRAWAL_INCONSISTENT, "withdrawnAt"));
        }
        if (consent.withdrawnVia() != null) {
            if (consent.withdrawnAt() == null) {
                problems.add(RegistrationProblem.of(RegistrationProblem.Code.WITHDRAWAL_INCONSISTENT, "withdrawnVia"));
            } else if (!CODE.matcher(consent.withdrawnVia()).matches()) {
                problems.add(RegistrationProblem.of(RegistrationProblem.Code.INVALID_FORMAT, "withdrawnVia"));
            }
        }
    }
}
