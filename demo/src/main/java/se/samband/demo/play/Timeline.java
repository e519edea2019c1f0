package se.samband.demo.play;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What happened in one scenario, in order, with the time since the scenario started. */
public final class Timeline {
    private final Clock clock;
    private final Instant start;
    private final List<TimelineEntry> entries = new ArrayList<>();

    Timeline(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    synchronized void record(String from, String to, String what, String basis, String outcome, String note) {
        entries.add(new TimelineEntry(Duration.between(start, clock.instant()), from, to == null ? "" : to, what,
                basis == null ? "" : basis, outcome, note == null ? "" : note));
    }

    public synchronized List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }
}
