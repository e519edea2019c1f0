package se.samband.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samband.hub.trust.ParticipantAuthenticator;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.SambandException;

/**
 * Authenticates every API request by its TLS client certificate ({@link ParticipantAuthenticator}) and puts the
 * participant in the request attribute {@link AuthenticatedParticipant#REQUEST_ATTRIBUTE}. The web server already
 * requires a certificate of the federation's CA in the handshake; this adds revocation (the CRLs the hub reloads),
 * key usage and membership of the federation. A refusal is answered here with {@link ApiError}.
 */
class ParticipantCertificateFilter extends OncePerRequestFilter {
    /** Where Jakarta Servlet containers put the client's certificate chain. */
    static final String CERTIFICATES_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    private static final Logger log = LoggerFactory.getLogger(ParticipantCertificateFilter.class);

    private final ParticipantAuthenticator authenticator;
    private final ObjectMapper json;
    private final PeoplePort peoplePort;

    ParticipantCertificateFilter(ParticipantAuthenticator authenticator, ObjectMapper json, PeoplePort peoplePort) {
        this.authenticator = authenticator;
        this.json = json;
        this.peoplePort = peoplePort;
    }

    /**
     * People's requests (the people port, no client certificate) are Spring Security's business; the participant
     * attribute is never set on them, so a participant handler reached from there refuses ({@code sender_unknown}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return peoplePort.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ParticipantId participant;
        try {
            participant = authenticator.authenticate(certificates(request));
        } catch (SambandException e) {
            log.warn("API request refused from {}: {} ({})", request.getRemoteAddr(), e.code().code(), e.getMessage());
            response.setStatus(e.code().httpStatus());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of(e.code(), null));
            return;
        }
        request.setAttribute(AuthenticatedParticipant.REQUEST_ATTRIBUTE, participant);
        chain.doFilter(request, response);
    }

    private static X509Certificate[] certificates(HttpServletRequest request) {
        return request.getAttribute(CERTIFICATES_ATTRIBUTE) instanceof X509Certificate[] chain ? chain : null;
    }
}
