package se.samband.demo.play;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    /** How many recipient outcomes ended as each final outcome, over every notice of the scenario. */
    public Map<String, Long> outcomeCounts() {
        return notices.values().stream().flatMap(n -> n.outcomes().values().stream())
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
    }
}
