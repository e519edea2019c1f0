package se.samband.connector.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.samband.connector.hubclient.HubApi;
import se.samband.connector.hubclient.HubUnreachable;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.security.federation.FederationLoader;
import se.samband.security.federation.Participant;

/**
 * The agency profiles ({@code --spring.profiles.active=polisen}, file {@code connector-polisen.yml}): one per kind of
 * participant. A connector must run the profile of its participant's kind, as the federation records it; otherwise
 * it would apply another kind's rules and defaults, so it refuses to start.
 */
public final class AgencyProfiles {
    /** The profile names, one per agency kind (the kind in lower case, {@code _} as {@code -}). */
    public static final List<String> NAMES = List.of("kriminalvarden", "polisen", "socialtjanst", "halso-sjukvard",
            "aklagare", "samverkan");

    private AgencyProfiles() {
    }

    public static ParticipantKind kindOf(String profile) {
        return ParticipantKind.valueOf(profile.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static String profileOf(ParticipantKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The agency profile among the active Spring profiles, if any; at most one, and the configured
     * {@code samband.connector.kind} must be its kind.
     */
    public static Optional<String> activeProfile(Collection<String> activeProfiles, ParticipantKind configuredKind) {
        List<String> agency = activeProfiles.stream().filter(NAMES::contains).toList();
        if (agency.size() > 1) {
            throw new IllegalStateException("more than one agency profile is active " + agency
                    + ": a connector speaks for one participant of one kind");
        }
        if (agency.isEmpty()) {
            if (configuredKind != null) {
                throw new IllegalStateException("samband.connector.kind is " + configuredKind
                        + " but no agency profile is active: start with --spring.profiles.active="
                        + profileOf(configuredKind));
            }
            return Optional.empty();
        }
        if (configuredKind != kindOf(agency.get(0))) {
            throw new IllegalStateException("the agency profile '" + agency.get(0) + "' is for "
                    + kindOf(agency.get(0)) + " but samband.connector.kind is " + configuredKind);
        }
        return Optional.of(agency.get(0));
    }

    /** Refuses a profile whose kind is not the participant's kind in the federation. */
    public static void requireKind(ParticipantId self, ParticipantKind profileKind, ParticipantKind actual,
                                   String source) {
        if (profileKind != actual) {
            throw new IllegalStateException("participant " + self.value() + " is of kind " + actual + " (" + source
                    + ") but the connector runs the agency profile '" + profileOf(profileKind) + "' (" + profileKind
                    + "): start it with --spring.profiles.active=" + profileOf(actual));
        }
    }

    /** The participant's kind in a federation file; a participant the file does not name is refused. */
    public static ParticipantKind kindInFederation(Path federationFile, ParticipantId self) {
        return new FederationLoader().load(federationFile).participant(self).map(Participant::kind)
                .orElseThrow(() -> new IllegalStateException("participant " + self.value()
                        + " is not in the federation file " + federationFile));
    }

    /**
     * The participant's kind as the hub's directory states it ({@code GET /api/v1/directory/participants/{id}}), or
     * empty while the hub cannot be reached: the connector must start and queue notices with the hub down, and the
     * hub enforces the participant's kind on everything it receives anyway.
     */
    public static Optional<ParticipantKind> kindInDirectory(HubApi hub, ParticipantId self) {
        HubApi.Answer answer;
        try {
            answer = hub.get("/api/v1/directory/participants/" + self.value());
        } catch (HubUnreachable e) {
            return Optional.empty();
        }
        if (answer.status() == 404) {
            throw new IllegalStateException("the hub's directory does not know participant " + self.value());
        }
        if (!answer.ok()) {
            return Optional.empty();
        }
        try {
            JsonNode kind = new ObjectMapper().readTree(answer.body()).get("kind");
            return kind == null || !kind.isTextual() ? Optional.empty()
                    : Optional.of(ParticipantKind.valueOf(kind.asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
