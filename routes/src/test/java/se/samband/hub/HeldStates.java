package se.samband.hub;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The held store's state of a notice (HELD, RELEASED, EXPIRED, ...), read from {@code held_notice}. */
public final class HeldStates {
    private final JdbcTemplate jdbc;

    public HeldStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notice's state, or null while the held store has no row for it. */
    public String of(UUID noticeId) {
        List<String> states = jdbc.queryForList("SELECT state FROM held_notice WHERE notice_id = ?", String.class,
                noticeId.toString());
        return states.isEmpty() ? null : states.get(0);
    }

    /** Waits (up to 20 s) until the notice is in {@code expected}: the held store writes after the broker. */
    public void awaitState(UUID noticeId, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(of(noticeId)));
    }
}
