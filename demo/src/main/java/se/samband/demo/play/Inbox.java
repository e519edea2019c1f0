package se.samband.demo.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import se.samband.demo.agency.ConnectorClient;

/**
 * An agency's view of what its connector delivered ({@code GET /api/v1/inbox}, {@code {items, next}} paged by
 * cursor): everything read so far is kept, so that waiting for one notice never loses another.
 */
final class Inbox {
    private static final int PAGE = 100;

    private final ConnectorClient client;
    private final List<JsonNode> seen = new ArrayList<>();
    private String cursor;

    Inbox(ConnectorClient client) {
        this.client = client;
    }

    /** Reads what is new, then looks for the first item, old or new, that matches. */
    Optional<JsonNode> find(Predicate<JsonNode> wanted) {
        readNew();
        return seen.stream().filter(wanted).findFirst();
    }

    private void readNew() {
        while (true) {
            JsonNode page = client.inbox(cursor, PAGE);
            JsonNode items = page.path("items");
            items.forEach(seen::add);
            String next = page.path("next").asText(null);
            if (items.size() == 0 || next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
            if (items.size() < PAGE) {
                return;
            }
        }
    }

    static String noticeId(JsonNode item) {
        return item.path("noticeId").asText(null);
    }

    static String type(JsonNode item) {
        return item.path("type").asText(null);
    }
}
