package se.samband.demo.play;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import se.samband.demo.agency.ConnectorClient;

/**
 * Where one scenario is played: the agencies (each through its connector), the timeline, the notices followed and
 * the outcomes DOMAIN.md asks for.
 */
public final class Stage {
    private static final long POLL_MILLIS = 200;

    private final Map<String, ConnectorClient> connectors;
    private final Clock clock;
    private final Duration patience;
    private final String runId;
    private final Timeline timeline;
    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, TrackedNotice> notices = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();

    Stage(Map<String, ConnectorClient> connectors, Clock clock, Duration patience, String runId) {
        this.connectors = connectors;
        this.clock = clock;
        this.patience = patience;
        this.runId = runId;
        this.timeline = new Timeline(clock);
    }

    public Agency agency(String participantId) {
        return agencies.computeIfAbsent(participantId, id -> {
            ConnectorClient client = connectors.get(id);
            if (client == null) {
                throw new IllegalArgumentException("no connector runs for " + id);
            }
            return new Agency(id, client, this);
        });
    }

    /** A consent id unique to this run, so that the demo can be played again on the same hub. */
    public String consentId(String name) {
        return name + "-" + runId;
    }

    public Instant now() {
        return clock.instant();
    }

    /** How long to wait for something the hub and the connectors do within moments. */
    public Duration patience() {
        return patience;
    }

    /** Records whether an outcome DOMAIN.md asks for came about. */
    public boolean expect(String what, String expected, String actual) {
        boolean passed = expected.equals(actual);
        checks.add(new Check(what, expected, actual, passed));
        return passed;
    }

    /** Records a condition DOMAIN.md asks for that is not a single outcome. */
    public boolean expectThat(String what, boolean condition, String actual) {
        checks.add(new Check(what, "yes", actual, condition));
        return condition;
    }

    /**
     * The usual handover: the hub delivers the notice, the recipient's connector confirms receipt, the case system
     * sees it in its inbox and accepts it, and the sender's connector learns of the acceptance.
     *
     * @return the recipient's final outcome as the sender's connector reports it
     */
    public String acceptedBy(TrackedNotice notice, Agency recipient) {
        String delivered = notice.awaitOutcome(recipient.id(), "RECEIVED", "ACCEPTED");
        if (!"RECEIVED".equals(delivered) && !"ACCEPTED".equals(delivered)) {
            return delivered;
        }
        if (recipient.awaitDelivery(notice).isEmpty()) {
            return "NOT_IN_INBOX";
        }
        recipient.accept(notice);
        return notice.awaitOutcome(recipient.id(), "ACCEPTED");
    }

    Timeline timeline() {
        return timeline;
    }

    void track(TrackedNotice notice) {
        notices.put(notice.label(), notice);
    }

    Map<String, TrackedNotice> notices() {
        return notices;
    }

    List<Check> checks() {
        return checks;
    }

    /** Asks {@code done} every 200 ms until it says yes or {@code limit} has passed. */
    void poll(Duration limit, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while playing");
            }
        }
    }
}
