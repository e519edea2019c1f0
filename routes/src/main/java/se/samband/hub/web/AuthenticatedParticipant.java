package se.samband.hub.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link se.samband.notice.ParticipantId} parameter of an {@code /api/**} handler method: it receives the
 * participant that the request's client certificate authenticated (mTLS). Requests without a valid participant
 * certificate never reach the handler; they are answered with an error body by {@link ParticipantCertificateFilter}.
 * <pre>
 * &#64;PostMapping("/api/v1/notices")
 * ResponseEntity&lt;?&gt; submit(&#64;AuthenticatedParticipant ParticipantId sender, &#64;RequestBody byte[] body)
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuthenticatedParticipant {
    /** The request attribute that holds the authenticated {@link se.samband.notice.ParticipantId}. */
    String REQUEST_ATTRIBUTE = "se.samband.hub.web.authenticatedParticipant";
}
