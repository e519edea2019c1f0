package se.samband.hub.intake;

import java.time.Instant;
import se.samband.notice.ParticipantId;

/**
 * A container as it arrived, with the participant the transport authenticated (client certificate on
 * the TLS acceptor or on REST). The pipeline refuses a header whose sender is anyone else.
 */
public record Submission(byte[] container, ParticipantId authenticatedSender, Transport transport,
                         Instant receivedAt) {

    public enum Transport { JMS, REST }

    @Override
    public String toString() {
        return "Submission[" + transport + ", from=" + authenticatedSender + ", bytes=" + container.length + "]";
    }
}
