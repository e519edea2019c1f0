package se.samband.demo.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A notice an agency submitted, followed through its sender's connector ({@code GET /api/v1/notices/{id}}): every
 * change of a recipient's outcome becomes a line of the timeline when the demo sees it.
 */
public final class TrackedNotice {
    private static final Set<String> IN_TRANSIT = Set.of("QUEUED", "SUBMITTED");

    private final Stage stage;
    private final Agency sender;
    private final String label;
    private final String noticeId;
    private final String type;
    private final String basis;
    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private final Map<String, List<String>> history = new LinkedHashMap<>();
    private String status;

    TrackedNotice(Stage stage, Agency sender, String label, String noticeId, String type, String basis,
                  String status) {
        this.stage = stage;
        this.sender = sender;
        this.label = label;
        this.noticeId = noticeId;
        this.type = type;
        this.basis = basis;
        this.status = status;
    }

    public String label() {
        return label;
    }

    public String noticeId() {
        return noticeId;
    }

    public String type() {
        return type;
    }

    public Agency sender() {
        return sender;
    }

    /** The latest outcome per recipient the sender's connector reported. */
    public synchronized Map<String, String> outcomes() {
        return Map.copyOf(outcomes);
    }

    public synchronized String status() {
        return status;
    }

    /**
     * Follows the notice until the recipient's outcome is one of {@code wanted}, or the stage's patience runs out.
     *
     * @return the last outcome seen for that recipient ({@code NONE} if the connector listed none)
     */
    public String awaitOutcome(String recipient, String... wanted) {
        return awaitOutcome(recipient, stage.patience(), wanted);
    }

    public String awaitOutcome(String recipient, Duration patience, String... wanted) {
        Set<String> targets = Set.of(wanted);
        stage.poll(patience, () -> {
            refresh();
            return targets.contains(outcomeOf(recipient));
        });
        return outcomeOf(recipient);
    }

    /** Reads the sender's connector once and records what changed. */
    public synchronized void refresh() {
        JsonNode state = sender.client().notice(noticeId);
        status = state.path("status").asText(status);
        for (JsonNode recipient : state.path("recipients")) {
            String participant = recipient.path("participant").asText(recipient.path("recipient").asText());
            String outcome = recipient.path("outcome").asText();
            if (!outcome.isEmpty() && !outcome.equals(outcomes.put(participant, outcome))) {
                history.computeIfAbsent(participant, p -> new ArrayList<>()).add(outcome);
                if (IN_TRANSIT.contains(outcome)) {
                    // The connector's own bookkeeping before the hub decides: the SUBMITTED line says enough.
                    continue;
                }
                String reason = recipient.path("reason").asText(recipient.path("reasonCode").asText(""));
                stage.timeline().record(sender.name(), Cast.name(participant), type, basis, outcome,
                        reason.equals("null") ? "" : reason);
            }
        }
    }

    /** Every outcome the demo saw for this recipient, in order (a quick step may be missed between two looks). */
    public synchronized List<String> history(String recipient) {
        return List.copyOf(history.getOrDefault(recipient, List.of()));
    }

    /** Whether this recipient's outcome was ever {@code outcome} while the demo looked. */
    public synchronized boolean wasEver(String recipient, String outcome) {
        return history.getOrDefault(recipient, List.of()).contains(outcome);
    }

    /** The recipients the sender's connector listed. */
    public synchronized Set<String> recipients() {
        return Set.copyOf(outcomes.keySet());
    }

    synchronized String outcomeOf(String recipient) {
        return outcomes.getOrDefault(recipient, "NONE");
    }
}
