package se.samband.hub.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samband.notice.ParticipantId;

/** {@code GET /api/v1/whoami}: the participant the client certificate authenticates; lets an agency test its set-up. */
@RestController
class WhoAmIController {

    @GetMapping("/api/v1/whoami")
    Map<String, String> whoAmI(@AuthenticatedParticipant ParticipantId participant) {
        return Map.of("participant", participant.value());
    }
}
