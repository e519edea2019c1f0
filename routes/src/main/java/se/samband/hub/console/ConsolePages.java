package se.samband.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's entry points on the people port. The pages themselves are static files under
 * {@code static/console/}; their scripts call the same JSON APIs under {@code /console/api/operator/**} and
 * {@code /console/api/security/**}, where the login session and its CSRF token authenticate them (the
 * {@code /api/v1/**} paths take HTTP Basic or a token only) and {@link ConsolePageAccess} checks the role.
 */
@Controller
class ConsolePages {
    static final String OPERATOR_ROLE = "OPERATOR";
    static final String SECURITY_OFFICER_ROLE = "SECURITY_OFFICER";

    /** After login: each role to its own pages. */
    @GetMapping({"/console", "/console/"})
    String home(HttpServletRequest request) {
        if (request.isUserInRole(OPERATOR_ROLE)) {
            return "redirect:/console/operator/";
        }
        if (request.isUserInRole(SECURITY_OFFICER_ROLE)) {
            return "redirect:/console/security/";
        }
        return "forward:/console/forbidden.html";
    }

    /** Who is logged in: the account and roles, for the page header. */
    @GetMapping("/console/me")
    @ResponseBody
    ResponseEntity<Map<String, Object>> me(HttpServletRequest request, Principal person) {
        if (person == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<String> roles = new ArrayList<>();
        for (String role : List.of(OPERATOR_ROLE, SECURITY_OFFICER_ROLE)) {
            if (request.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return ResponseEntity.ok(Map.of("account", person.getName(), "roles", roles));
    }
}
