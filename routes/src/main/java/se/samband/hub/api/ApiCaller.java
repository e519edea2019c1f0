package se.samband.hub.api;

import jakarta.servlet.http.HttpServletRequest;
import se.samband.notice.ParticipantId;

/** Who is calling the API: the participant the request's client certificate authenticated (mTLS). */
@FunctionalInterface
public interface ApiCaller {
    /** @throws se.samband.notice.error.SambandException {@code sender_unknown} when no participant authenticated */
    ParticipantId participant(HttpServletRequest request);
}
