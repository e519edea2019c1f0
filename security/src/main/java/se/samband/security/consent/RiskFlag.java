package se.samband.security.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;

/**
 * "Contacting this person may endanger the victim until {@code until}" (DOMAIN.md, "Risk flags"), set on a
 * perpetrator's pseudonym by the police or social services. While it is active the hub holds back the
 * notice types that lead to contacting the person ({@link #HELD_TYPES}).
 *
 * @param subjectPseudonym {@code ps1:} + 43 base64url characters
 * @param setBy            the participant that set it; only {@link #SETTER_KINDS} may
 * @param until            exclusive end: the flag is over at this instant
 * @param reasonCode       an UPPER_SNAKE code the sender is told, never free text
 * @param setAt            when it was set (audit)
 * @param clearedAt        when it was cleared before {@code until}; null if not cleared
 */
public record RiskFlag(
        String subjectPseudonym,
        ParticipantId setBy,
        Instant until,
        String reasonCode,
        Instant setAt,
        Instant clearedAt) {

    /**
     * The notice types a risk flag holds back: those that lead an agency to contact the flagged person.
     * The one place this list lives (DOMAIN.md, "Risk flags").
     */
    public static final Set<NoticeType> HELD_TYPES = Set.copyOf(EnumSet.of(
            NoticeType.RELEASE_CONTACT_CONSENT,
            NoticeType.POST_INTERVIEW_SUPPORT_OFFER,
            NoticeType.GROUP_PROGRAMME_REFERRAL,
            NoticeType.TREATMENT_REFERRAL));

    /** The kinds of participant that may set (and clear) a risk flag. */
    public static final Set<ParticipantKind> SETTER_KINDS =
            Set.copyOf(EnumSet.of(ParticipantKind.POLISEN, ParticipantKind.SOCIALTJANST));

    /** Whether a risk flag on a subject holds back this notice type. */
    public static boolean holdsBack(NoticeType type) {
        return HELD_TYPES.contains(type);
    }

    /**
     * Whether the flag holds notices back at {@code now}: before {@code until} and not cleared by then.
     * {@code setAt} does not delay a flag on purpose: a flag protects from the moment the hub knows it, so
     * clock skew between hub instances can never let a notice slip through. For the same reason a flag
     * without {@code until} (which {@link ConsentValidator} refuses at registration) counts as active until
     * it is cleared: holding is the safe side.
     */
    public boolean isActive(Instant now) {
        return (until == null || now.isBefore(until)) && (clearedAt == null || now.isBefore(clearedAt));
    }

    /** The setter and dates; the pseudonym stays out of logs. */
    @Override
    public String toString() {
        return "RiskFlag[setBy=" + setBy + ", reason=" + reasonCode + ", until=" + until
                + ", cleared=" + (clearedAt != null) + "]";
    }
}
