package se.samband.hub.console;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * The federation's participants as an operator needs them: kind, organisation, last contact and when the
 * certificate the hub holds for it runs out, with a warning from {@link #WARN_BEFORE} before.
 */
class ParticipantOverview {
    /** Renewing a certificate takes the agency weeks: the console warns this long before it expires. */
    static final Duration WARN_BEFORE = Duration.ofDays(60);

    private final Supplier<Federation> federation;
    private final Function<ParticipantId, Optional<X509Certificate>> certificates;
    private final ParticipantContacts contacts;
    private final Clock clock;

    ParticipantOverview(Supplier<Federation> federation,
                        Function<ParticipantId, Optional<X509Certificate>> certificates,
                        ParticipantContacts contacts, Clock clock) {
        this.federation = federation;
        this.certificates = certificates;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * One participant. {@code certificateNotAfter} and {@code daysToExpiry} are null when the hub holds no certificate
     * for it (which also warns); {@code lastContact} is null when it has not been in touch.
     */
    record ParticipantView(String id, String kind, String organisation, Instant lastContact,
                           Instant certificateNotAfter, Long daysToExpiry, boolean certificateWarning) {
    }

    List<ParticipantView> participants() {
        Instant now = clock.instant();
        Map<String, Instant> lastContacts = contacts.lastContacts();
        return federation.get().participants().stream()
                .filter(p -> !ParticipantId.HUB.equals(p.id()))
                .map(p -> view(p, now, lastContacts.get(p.id().value())))
                .sorted(Comparator.comparing(ParticipantView::id))
                .toList();
    }

    private ParticipantView view(Participant participant, Instant now, Instant lastContact) {
        Optional<Instant> notAfter = certificates.apply(participant.id()).map(c -> c.getNotAfter().toInstant());
        Long days = notAfter.map(at -> Duration.between(now, at).toDays()).orElse(null);
        boolean warn = notAfter.map(at -> at.isBefore(now.plus(WARN_BEFORE))).orElse(true);
        return new ParticipantView(participant.id().value(), participant.kind().name(), participant.name(),
                lastContact, notAfter.orElse(null), days, warn);
    }
}
