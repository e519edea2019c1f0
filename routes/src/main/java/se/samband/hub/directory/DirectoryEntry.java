package se.samband.hub.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.samband.security.federation.Participant;

/**
 * One participant as the directory API shows it to connectors: the function address, what it serves, how it takes
 * deliveries and where its certificate is. Delivery URLs and folders stay in the federation file: they are the
 * participant's own business.
 *
 * @param delivery       the channel the participant reads notices from ({@code JMS}, {@code REST}, {@code FILE})
 * @param certificateUrl absolute URL of {@code GET /api/v1/directory/participants/{id}/certificate}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryEntry(String id, String kind, String displayName, List<String> municipalities,
                             List<String> regions, List<String> services, String hsaId, String delivery,
                             String certificateUrl) {

    static DirectoryEntry of(Participant participant, String certificateUrl) {
        return new DirectoryEntry(participant.id().value(), participant.kind().name(), participant.name(),
                participant.municipalities(), participant.regions(), participant.services(), participant.hsaId(),
                participant.delivery().channel().name(), certificateUrl);
    }

    /** The answer to a search: {@code {"participants": [...]}}, so that fields can be added beside the list. */
    public record Found(List<DirectoryEntry> participants) {
    }
}
