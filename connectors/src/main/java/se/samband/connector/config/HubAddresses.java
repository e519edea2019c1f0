package se.samband.connector.config;

import se.samband.notice.ParticipantId;

/**
 * The two broker addresses a participant may use (the hub's routes/system/Endpoints names them on the hub's side):
 * it sends to the hub inbox and reads its own queue.
 */
public final class HubAddresses {
    public static final String HUB_INBOX = "samband.hub.inbox";
    /** Artemis duplicate detection: the broker drops a second message with the same id on the same address. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private HubAddresses() {
    }

    public static String agencyInbox(ParticipantId participant) {
        return "samband.agency." + participant.value() + ".inbox";
    }
}
