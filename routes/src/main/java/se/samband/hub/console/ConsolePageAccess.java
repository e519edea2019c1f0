package se.samband.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Each role sees only its own pages: {@code /console/operator/**} needs OPERATOR, {@code /console/security/**}
 * SECURITY_OFFICER. Anyone else gets the console's 403 page. (The APIs behind the pages enforce the same roles on
 * their own.)
 */
final class ConsolePageAccess implements HandlerInterceptor {
    static final String FORBIDDEN_PAGE = "/console/forbidden.html";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String role = path.startsWith("/console/operator/") ? ConsolePages.OPERATOR_ROLE
                : path.startsWith("/console/security/") ? ConsolePages.SECURITY_OFFICER_ROLE : null;
        if (role == null || request.isUserInRole(role)) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(FORBIDDEN_PAGE).forward(request, response);
        return false;
    }
}
