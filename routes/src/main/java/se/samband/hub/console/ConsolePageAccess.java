package se.samband.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import se.samband.hub.web.ApiError;
import se.samband.notice.error.ErrorCode;

/**
 * Each role sees only its own part of the console: {@code /console/operator/**} and {@code /console/api/operator/**}
 * need OPERATOR, {@code /console/security/**} and {@code /console/api/security/**} SECURITY_OFFICER (the people
 * port's security already requires a login with either role for {@code /console/**}). A page answers with the
 * console's 403 page, an API call with {@code 403 role_not_permitted} in the hub's error body.
 */
final class ConsolePageAccess implements HandlerInterceptor {
    static final String FORBIDDEN_PAGE = "/console/forbidden.html";
    static final String CONSOLE_OPERATOR_API = "/console/api/operator";
    static final String CONSOLE_SECURITY_API = "/console/api/security";
    static final String[] PATHS = {"/console/operator/**", "/console/security/**", CONSOLE_OPERATOR_API + "/**",
        CONSOLE_SECURITY_API + "/**"};

    private final ObjectMapper json;

    ConsolePageAccess(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean operatorPart = path.startsWith("/console/operator/") || path.startsWith(CONSOLE_OPERATOR_API + "/");
        boolean securityPart = path.startsWith("/console/security/") || path.startsWith(CONSOLE_SECURITY_API + "/");
        String role = operatorPart ? ConsolePages.OPERATOR_ROLE
                : securityPart ? ConsolePages.SECURITY_OFFICER_ROLE : null;
        if (role == null || request.isUserInRole(role)) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (path.startsWith("/console/api/")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of(ErrorCode.ROLE_NOT_PERMITTED, null));
        } else {
            request.getRequestDispatcher(FORBIDDEN_PAGE).forward(request, response);
        }
        return false;
    }
}
