package se.samband.hub.people;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/operator/whoami} and {@code GET /api/v1/security/whoami} on the people port: the account and
 * roles the login authenticates, so that a person (or a script) can test its set-up, as agencies have
 * {@code /api/v1/whoami}.
 */
@RestController
class PeopleWhoAmIController {

    @GetMapping({"/api/v1/operator/whoami", "/api/v1/security/whoami"})
    Map<String, Object> whoAmI(Authentication person) {
        List<String> roles = person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length())).sorted().toList();
        return Map.of("account", person.getName(), "roles", roles);
    }
}
