package se.samband.connector.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samband.notice.NoticeLimits;
import se.samband.notice.error.ErrorCode;

/**
 * Bounds what the case system may send: a declared body over the notice container limit is refused
 * {@code 413 notice_too_large} before it is read (a sealed notice is larger than its plain submission).
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > NoticeLimits.DEFAULT_MAX_CONTAINER_BYTES) {
            ErrorCode code = ErrorCode.NOTICE_TOO_LARGE;
            response.setStatus(code.httpStatus());
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), ErrorBody.of(code, null));
            return;
        }
        chain.doFilter(request, response);
    }
}
