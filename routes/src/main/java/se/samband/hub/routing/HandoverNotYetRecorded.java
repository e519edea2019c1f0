package se.samband.hub.routing;

import java.util.UUID;
import se.samband.hub.system.RetryLater;

/**
 * A receipt answers a notice this hub dispatched moments ago whose handover the audit writer has not recorded yet:
 * the handover state follows the broker by the writer's batch (up to its batch wait and commit), and a connector
 * that answers at once can be faster. Not a refusal, so not a {@code SambandException}: the intake's transaction
 * rolls back and Artemis redelivers the receipt after its redelivery delay, when the handover is there to check it
 * against (ErrorRoutes, which logs it at INFO).
 */
public final class HandoverNotYetRecorded extends RetryLater {
    public HandoverNotYetRecorded(UUID receiptId, UUID answered) {
        super("receipt " + receiptId + " answers notice " + answered + ", dispatched moments ago and not yet in the"
                + " handover state: retried after the broker's redelivery delay");
    }
}
