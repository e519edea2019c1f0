package se.samband.security.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;

/**
 * A validated federation file: its participants, the routing policy, default respond-by times
 * and the legal-basis table. Load it with {@link FederationLoader}; instances are immutable.
 */
public final class Federation {
    private final FederationInfo info;
    private final List<Participant> participants;
    private final Map<ParticipantId, Participant> byId;
    private final List<RoutingRule> routing;
    private final Map<NoticeType, RespondByRule> respondBy;
    private final LegalBasisTable legalBases;

    Federation(FederationFile file) {
        this.info = file.federation();
        this.participants = List.copyOf(file.participants());
        this.byId = participants.stream().collect(Collectors.toUnmodifiableMap(Participant::id, Function.identity()));
        this.routing = List.copyOf(file.routing());
        this.respondBy = Map.copyOf(file.respondBy());
        this.legalBases = file.legalBases();
    }

    public FederationInfo info() {
        return info;
    }

    public List<Participant> participants() {
        return participants;
    }

    public Optional<Participant> participant(ParticipantId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The hub's own participant entry. */
    public Participant hub() {
        return byId.get(ParticipantId.HUB);
    }

    /** Participants of a kind that serve a municipality, optionally offering a service. */
    public List<Participant> serving(ParticipantKind kind, String kommunkod, String service) {
        return participants.stream()
                .filter(p -> p.kind() == kind)
                .filter(p -> kommunkod == null || p.serves(kommunkod))
                .filter(p -> service == null || p.services().contains(service))
                .toList();
    }

    public List<RoutingRule> routing() {
        return routing;
    }

    /** Whether the routing policy lets a sender kind send this type to a recipient kind. */
    public boolean routePermitted(ParticipantKind sender, NoticeType type, ParticipantKind recipient) {
        return routing.stream().anyMatch(r -> r.permits(sender, type, recipient));
    }

    public Optional<RespondByRule> respondBy(NoticeType type) {
        return Optional.ofNullable(respondBy.get(type));
    }

    public LegalBasisTable legalBases() {
        return legalBases;
    }

    /** Identifying facts of the federation file. */
    public record FederationInfo(String id, String name, String version) {
    }

    /** The file as bound from YAML, before validation. */
    record FederationFile(FederationInfo federation, List<Participant> participants, List<RoutingRule> routing,
                          Map<NoticeType, RespondByRule> respondBy, LegalBasisTable legalBases) {
        FederationFile {
            participants = participants == null ? List.of() : participants;
            routing = routing == null ? List.of() : routing;
            respondBy = respondBy == null ? Map.of() : respondBy;
        }
    }
}
