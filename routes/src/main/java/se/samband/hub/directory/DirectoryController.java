package se.samband.hub.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.samband.hub.trust.FederationTrust;
import se.samband.hub.web.ApiError;
import se.samband.hub.web.AuthenticatedParticipant;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Participant;
import se.samband.security.pki.Pem;

/**
 * {@code /api/v1/directory/participants}: connectors resolve a wanted recipient ("social services for kommun 2183")
 * to participant ids and fetch the certificates to seal for. Only participants authenticated by their client
 * certificate may ask; the hub itself is not a recipient and is never listed.
 */
@RestController
@RequestMapping("/api/v1/directory/participants")
public class DirectoryController {
    /** The media type of a PEM certificate (RFC 7468 has none registered; this is the one tools use). */
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    private static final Logger log = LoggerFactory.getLogger(DirectoryController.class);

    private final Directory directory;
    private final FederationTrust trust;

    public DirectoryController(Directory directory, FederationTrust trust) {
        this.directory = directory;
        this.trust = trust;
    }

    @Operation(summary = "Participants of a kind that serve a municipality or region, offer a service or carry an "
            + "HSA-id (every given criterion must hold)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public DirectoryEntry.Found search(@AuthenticatedParticipant ParticipantId caller,
                                       @Parameter(description = "e.g. SOCIALTJANST") @RequestParam(required = false)
                                       String kind,
                                       @Parameter(description = "kommunkod, e.g. 2183") @RequestParam(required = false)
                                       String municipality,
                                       @Parameter(description = "county code, e.g. 21") @RequestParam(required = false)
                                       String region,
                                       @Parameter(description = "e.g. PSYCHIATRY") @RequestParam(required = false)
                                       String service,
                                       @RequestParam(required = false) String hsaId) {
        DirectoryQuery query = DirectoryQuery.parse(kind, municipality, region, service, hsaId);
        return new DirectoryEntry.Found(directory.federation().participants().stream()
                .filter(p -> p.kind() != ParticipantKind.HUB)
                .filter(query::matches)
                .map(this::entry)
                .toList());
    }

    @Operation(summary = "One participant")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DirectoryEntry participant(@AuthenticatedParticipant ParticipantId caller, @PathVariable("id") String id) {
        return entry(known(id));
    }

    @Operation(summary = "The participant's certificate, PEM: seal notices for it with this")
    @GetMapping(path = "/{id}/certificate", produces = "application/x-pem-file")
    public ResponseEntity<String> certificate(@AuthenticatedParticipant ParticipantId caller,
                                              @PathVariable("id") String id) {
        Participant participant = known(id);
        X509Certificate certificate = trust.certificateOf(participant.id())
                .orElseThrow(() -> new SambandException(ErrorCode.PARTICIPANT_UNKNOWN,
                        "no certificate for " + participant.id()));
        return ResponseEntity.ok().contentType(PEM).body(Pem.encode(certificate));
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ApiError> refused(SambandException e) {
        log.info("directory request refused: {} ({})", e.code().code(), e.getMessage());
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.code(), null));
    }

    private Participant known(String id) {
        Optional<Participant> participant = ParticipantId.isValid(id)
                ? directory.federation().participant(ParticipantId.of(id)) : Optional.empty();
        return participant.filter(p -> p.kind() != ParticipantKind.HUB)
                .orElseThrow(() -> new SambandException(ErrorCode.PARTICIPANT_UNKNOWN, "no such participant"));
    }

    private DirectoryEntry entry(Participant participant) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/directory/participants/{id}/certificate")
                .buildAndExpand(participant.id().value()).toUriString();
        return DirectoryEntry.of(participant, url);
    }
}
