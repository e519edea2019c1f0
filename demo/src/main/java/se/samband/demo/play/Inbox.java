package se.samband.demo.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import se.samband.demo.agency.ConnectorClient;

/**
 * An agency's view of what its connector delivered ({@code GET /api/v1/inbox}, paged by cursor): everything read so
 * far is kept, so that waiting for one notice never loses another.
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

    List<JsonNode> all(Predicate<JsonNode> wanted) {
        readNew();
        return seen.stream().filter(wanted).toList();
    }

    private void readNew() {
        while (true) {
            JsonNode page = client.inbox(cursor, PAGE);
            JsonNode items = items(page);
            items.forEach(seen::add);
            String next = text(page, "next", "nextCursor", "cursor");
            if (next == null && items.size() > 0) {
                next = noticeId(items.get(items.size() - 1));
            }
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
        return text(item, "noticeId", "id");
    }

    static String type(JsonNode item) {
        return text(item, "type", "noticeType");
    }

    /** The page's list: a bare array, or the first array member of the answer object. */
    private static JsonNode items(JsonNode page) {
        if (page.isArray()) {
            return page;
        }
        for (String name : List.of("notices", "items", "entries", "inbox")) {
            if (page.path(name).isArray()) {
                return page.path(name);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = page.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                return field.getValue();
            }
        }
        return page.arrayNode();
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }
}
