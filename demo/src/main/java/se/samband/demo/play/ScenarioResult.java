package se.samband.demo.play;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came of one scenario: the timeline, the notices followed (by the scenario's label), each outcome DOMAIN.md
 * asks for, and the failure that stopped the scenario, if one did.
 */
public record ScenarioResult(Scenario scenario, List<TimelineEntry> timeline, Map<String, TrackedNotice> notices,
                             List<Check> checks, Duration took, Optional<String> failure) {

    public boolean passed() {
        return failure.isEmpty() && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public TrackedNotice notice(String label) {
        TrackedNotice notice = notices.get(label);
        if (notice == null) {
            throw new IllegalArgumentException("scenario " + scenario.number() + " sent no notice '" + label + "'"
                    + failure.map(f -> " (it stopped: " + f + ")").orElse(""));
        }
        return notice;
    }

    /** Notices times recipients: each handover the hub decided on. */
    public long handovers() {
        return notices.values().stream().mapToLong(n -> n.recipients().size()).sum();
    }

    /** How many handovers had this outcome at some point while the demo looked. */
    public long handoversEver(String outcome) {
        return notices.values().stream()
                .mapToLong(n -> n.recipients().stream().filter(r -> n.wasEver(r, outcome)).count()).sum();
    }
}
