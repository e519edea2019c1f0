package se.samband.hub.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's entry points on the people port. The pages themselves are static files under
 * {@code static/console/}; their scripts call the JSON APIs through {@code /console/api/**}, which is forwarded to
 * {@code /api/v1/**} inside the same request: the browser's session (and its CSRF token) authenticates the page, and
 * the API's own role rules decide on the forwarded call.
 */
@Controller
class ConsolePages {
    static final String OPERATOR_ROLE = "OPERATOR";
    static final String SECURITY_OFFICER_ROLE = "SECURITY_OFFICER";
    private static final String API_PREFIX = "/console/api/";
    private static final RequestAttributeSecurityContextRepository CONTEXT =
            new RequestAttributeSecurityContextRepository();

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

    @RequestMapping("/console/api/**")
    void api(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String target = "/api/v1/" + path.substring(API_PREFIX.length());
        // The API's own chain is stateless: it finds the page's login in the request (also when a streamed answer,
        // such as the audit export, comes back in an async dispatch).
        CONTEXT.saveContext(SecurityContextHolder.getContext(), request, response);
        // The query's parameters stay with the forwarded request (adding the query again would double them).
        request.getRequestDispatcher(target).forward(request, response);
    }
}
