package se.samband.hub.intake;

/** Exchange properties the inbox route's steps share; the refusal route reads them too. */
final class IntakeExchange {
    /** The consumer's transacted JMS session: every send of the route joins its transaction. */
    static final String SESSION = "samband.session";
    /** The container bytes as received (absent when refused before reading, e.g. too large). */
    static final String CONTAINER = "samband.container";
    /** The participant the transport authenticated (absent when unknown). */
    static final String SENDER = "samband.sender";

    private IntakeExchange() {
    }
}
