package se.samband.hub.held;

/** Test access to the held store's package-private steps from tests in other packages. */
public final class HeldTesting {
    private HeldTesting() {
    }

    /** Runs the expiry of due holds now instead of waiting for the sweep. */
    public static void expireDue(HeldNotices heldNotices) {
        heldNotices.expireDue();
    }
}
