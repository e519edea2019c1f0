package se.samband.demo.play;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.demo.agency.ConnectorClient;

/**
 * Plays scenarios one after the other against running connectors, given only their local API addresses. A
 * scenario that fails (a connector refuses, an outcome never comes) is reported in its result; the next one plays.
 */
public final class ScenarioPlayer {
    private static final Logger log = LoggerFactory.getLogger(ScenarioPlayer.class);

    private final Map<String, ConnectorClient> connectors;
    private final Clock clock;
    private final Duration patience;
    private final String runId;

    /**
     * @param connectorApis participant id to the base URL of its connector's local API
     * @param patience      how long to wait for each outcome that comes within moments
     */
    public ScenarioPlayer(Map<String, URI> connectorApis, Clock clock, Duration patience) {
        this.connectors = connectorApis.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new ConnectorClient(e.getValue())));
        this.clock = clock;
        this.patience = patience;
        // Base 36 seconds since the epoch: short, and never the same for two runs a second apart.
        this.runId = Long.toString(clock.instant().getEpochSecond(), 36);
    }

    public ScenarioResult play(Scenario scenario) {
        Stage stage = new Stage(connectors, clock, patience, runId);
        Optional<String> failure = Optional.empty();
        try {
            scenario.play(stage);
        } catch (RuntimeException e) {
            log.warn("Scenario {} stopped: {}", scenario.number(), e.toString());
            failure = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        // One last look, so that the timeline ends with the final outcomes the connectors know of.
        for (TrackedNotice notice : stage.notices().values()) {
            try {
                notice.refresh();
            } catch (RuntimeException e) {
                log.debug("Could not refresh notice {}: {}", notice.noticeId(), e.toString());
            }
        }
        return new ScenarioResult(scenario, stage.timeline().entries(), Map.copyOf(stage.notices()),
                List.copyOf(stage.checks()), stage.timeline().elapsed(), failure);
    }
}
