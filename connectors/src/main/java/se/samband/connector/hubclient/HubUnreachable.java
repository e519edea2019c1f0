package se.samband.connector.hubclient;

/** The hub's HTTPS API could not be reached or answered with a server error; a retry may succeed. */
public class HubUnreachable extends RuntimeException {
    public HubUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
