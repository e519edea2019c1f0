package se.samband.hub.console;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Held notices and overdue handovers counted per participant, from the held store ({@code held_notice}, rows still
 * {@code HELD}) and the handover state ({@code handover}, rows {@code OVERDUE}): once as recipient (it has not
 * taken the notice yet) and once as sender (its notice is still open). Counts only: no notice, no subject.
 */
class Backlog {
    private final JdbcTemplate jdbc;

    Backlog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One participant's open work; participants with nothing open are left out. */
    record BacklogRow(String participant, long heldForIt, long heldFromIt, long overdueAtIt, long overdueFromIt) {
        long total() {
            return heldForIt + heldFromIt + overdueAtIt + overdueFromIt;
        }
    }

    List<BacklogRow> byParticipant() {
        Map<String, long[]> counts = new TreeMap<>();
        count(counts, 0, "SELECT recipient, COUNT(*) FROM held_notice WHERE state = 'HELD' GROUP BY recipient");
        count(counts, 1, "SELECT sender, COUNT(*) FROM held_notice WHERE state = 'HELD' GROUP BY sender");
        count(counts, 2, "SELECT recipient, COUNT(*) FROM handover WHERE state = 'OVERDUE' GROUP BY recipient");
        count(counts, 3, "SELECT sender, COUNT(*) FROM handover WHERE state = 'OVERDUE' AND sender IS NOT NULL"
                + " GROUP BY sender");
        return counts.entrySet().stream()
                .map(e -> new BacklogRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
    }

    private void count(Map<String, long[]> counts, int column, String sql) {
        jdbc.query(sql, rs -> {
            counts.computeIfAbsent(rs.getString(1), p -> new long[4])[column] = rs.getLong(2);
        });
    }
}
