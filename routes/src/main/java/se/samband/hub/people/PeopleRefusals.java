package se.samband.hub.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.samband.hub.web.ApiError;
import se.samband.notice.error.ErrorCode;

/**
 * The people API's refusals, in the hub's error body: {@code 401 login_required} and {@code 403 role_not_permitted}.
 * The 401 carries no {@code WWW-Authenticate: Basic} challenge on purpose: a browser would then ask for and cache the
 * password and send it with every later request to the port, cross-site requests included (CSRF, which the API does
 * not check). Scripts send their credentials pre-emptively ({@code curl -u}).
 */
final class PeopleRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final Logger log = LoggerFactory.getLogger(PeopleRefusals.class);
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private final ObjectMapper json;

    PeopleRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // The exception's class only: its message may echo a user name typed into the wrong field.
        log.info("People request refused on {}: {} ({})", area(request), ErrorCode.LOGIN_REQUIRED.code(),
                e.getClass().getSimpleName());
        write(response, ErrorCode.LOGIN_REQUIRED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        log.info("People request refused on {}: {}", area(request), ErrorCode.ROLE_NOT_PERMITTED.code());
        write(response, ErrorCode.ROLE_NOT_PERMITTED);
    }

    /**
     * Which API was asked, for the log: at most the first three path segments ({@code /api/v1/security}), never the
     * rest, where someone may have typed a personal identity number instead of a pseudonym.
     */
    static String area(HttpServletRequest request) {
        StringBuilder area = new StringBuilder();
        String[] segments = request.getRequestURI().split("/");
        for (int i = 1; i < segments.length && i <= 3; i++) {
            area.append('/').append(SEGMENT.matcher(segments[i]).matches() ? segments[i] : "…");
        }
        return area.length() == 0 ? "/" : area.toString();
    }

    private void write(HttpServletResponse response, ErrorCode code) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of(code, null));
    }
}
