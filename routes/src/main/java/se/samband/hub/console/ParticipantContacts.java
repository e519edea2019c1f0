package se.samband.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;

/**
 * When the hub last heard from each participant: a broker login or send over the TLS acceptor, or an API request
 * with its certificate. Noted in memory on the caller's thread (a map write, nothing more: the broker calls this on
 * every send) and written to {@code participant_contact} by {@link #flush()}, so that it survives a restart.
 */
class ParticipantContacts {
    private static final Logger log = LoggerFactory.getLogger(ParticipantContacts.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    ParticipantContacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notes contact from this user, if it is a participant (not the hub, not the hub-internal user). */
    void seen(String user) {
        if (user != null && ParticipantId.isValid(user) && !ParticipantId.HUB.value().equals(user)) {
            latest.put(user, clock.instant());
        }
    }

    /** Last contact per participant id: what is stored, overlaid with what was noted since. */
    Map<String, Instant> lastContacts() {
        Map<String, Instant> contacts = new HashMap<>();
        jdbc.query("SELECT participant, last_contact FROM participant_contact", rs -> {
            contacts.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
        });
        latest.forEach((participant, at) -> contacts.merge(participant, at, (a, b) -> a.isAfter(b) ? a : b));
        return contacts;
    }

    /** Writes the contacts noted since the last flush; called periodically and at shutdown. */
    void flush() {
        latest.forEach((participant, at) -> {
            if (at.equals(written.get(participant))) {
                return;
            }
            try {
                write(participant, at);
                written.put(participant, at);
            } catch (RuntimeException e) {
                log.warn("last contact of {} not written ({}); retried at the next flush", participant,
                        e.getClass().getSimpleName());
            }
        });
    }

    private void write(String participant, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        // Never moves back: another hub instance may have written a later contact.
        int updated = jdbc.update("UPDATE participant_contact SET last_contact = ? WHERE participant = ?"
                + " AND last_contact < ?", time, participant, time);
        if (updated == 0 && jdbc.queryForList("SELECT 1 FROM participant_contact WHERE participant = ?",
                Integer.class, participant).isEmpty()) {
            try {
                jdbc.update("INSERT INTO participant_contact (participant, last_contact) VALUES (?, ?)", participant,
                        time);
            } catch (DuplicateKeyException raced) {
                write(participant, at);
            }
        }
    }
}
