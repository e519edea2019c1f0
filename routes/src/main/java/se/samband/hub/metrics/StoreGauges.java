package se.samband.hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;

/**
 * Overdue handovers per recipient kind, held notices per reason and the respond-by watch's oldest due handover,
 * counted in the database at most once per {@code maxAge}: a scrape reads the cached counts, and only a scrape after
 * they went stale runs the three queries (on indexed columns). Between refreshes the values may lag by up to
 * {@code maxAge}.
 */
public final class StoreGauges implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    private final JdbcTemplate jdbc;
    private final Supplier<Federation> federation;
    private final Clock clock;
    private final Duration maxAge;
    private Counts counts;

    public StoreGauges(JdbcTemplate jdbc, Supplier<Federation> federation, Clock clock, Duration maxAge) {
        this.jdbc = jdbc;
        this.federation = federation;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ParticipantKind kind : ParticipantKind.values()) {
            if (kind == ParticipantKind.HUB) {
                continue;
            }
            Gauge.builder(MetricNames.HANDOVERS_OVERDUE, this, gauges -> gauges.current().overdue(kind))
                    .description("Handovers not accepted by their respond-by time (state OVERDUE)")
                    .tag("recipient_kind", kind.name()).register(registry);
        }
        Gauge.builder(MetricNames.WATCH_OLDEST_DUE_AGE, this, gauges -> gauges.current().oldestDueAge(clock.instant()))
                .description("Seconds since the respond-by time of the longest-waiting handover not yet escalated")
                .register(registry);
        for (HoldReason reason : HoldReason.values()) {
            Gauge.builder(MetricNames.NOTICES_HELD, this, gauges -> gauges.current().held(reason.name()))
                    .description("Notices waiting in the held store (state HELD)")
                    .tag("reason", reason.name()).register(registry);
        }
    }

    /** Counts the stores now, whatever the age of the cached counts (tests, and the first scrape). */
    public synchronized void refresh() {
        Map<ParticipantKind, Long> overdue = new EnumMap<>(ParticipantKind.class);
        Federation current = federation.get();
        jdbc.query("SELECT recipient, COUNT(*) AS n FROM handover WHERE state = 'OVERDUE' GROUP BY recipient",
                row -> {
                    String recipient = row.getString("recipient");
                    ParticipantKind kind = ParticipantId.isValid(recipient)
                            ? current.participant(ParticipantId.of(recipient)).map(Participant::kind).orElse(null)
                            : null;
                    if (kind != null) {
                        overdue.merge(kind, row.getLong("n"), Long::sum);
                    }
                });
        Map<String, Long> held = new HashMap<>();
        jdbc.query("SELECT reason, COUNT(*) AS n FROM held_notice WHERE state = 'HELD' GROUP BY reason",
                row -> {
                    held.put(row.getString("reason"), row.getLong("n"));
                });
        OffsetDateTime oldestDue = jdbc.queryForObject("SELECT MIN(watch_due) FROM handover", OffsetDateTime.class);
        counts = new Counts(overdue, held, oldestDue == null ? null : oldestDue.toInstant(), clock.instant());
    }

    private synchronized Counts current() {
        if (counts == null || counts.at().plus(maxAge).isBefore(clock.instant())) {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("Could not count overdue handovers and held notices: {}", e.toString());
                return counts == null ? Counts.NONE : counts;
            }
        }
        return counts;
    }

    /** @param oldestDue the earliest respond-by time of a handover the watch has not escalated, or null */
    private record Counts(Map<ParticipantKind, Long> overdueByKind, Map<String, Long> heldByReason, Instant oldestDue,
                          Instant at) {
        static final Counts NONE = new Counts(Map.of(), Map.of(), null, Instant.EPOCH);

        double overdue(ParticipantKind kind) {
            return overdueByKind.getOrDefault(kind, 0L);
        }

        double held(String reason) {
            return heldByReason.getOrDefault(reason, 0L);
        }

        double oldestDueAge(Instant now) {
            return oldestDue == null || oldestDue.isAfter(now) ? 0 : Duration.between(oldestDue, now).toSeconds();
        }
    }
}
