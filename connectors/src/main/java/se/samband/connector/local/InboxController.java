package se.samband.connector.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samband.connector.inbound.InboxAnswers;
import se.samband.connector.inbound.InboxItems;
import se.samband.connector.inbound.InboxStore;
import se.samband.notice.error.ErrorCode;

/**
 * The pull API and the case system's answers: {@code GET /api/v1/inbox?after=<cursor>&limit=N} pages through the
 * received notices in arrival order; accept and decline send the ACCEPTED or DECLINED receipt to the sender.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {
    private static final int MAX_LIMIT = 100;
    private static final Pattern REASON = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private final InboxStore inbox;
    private final InboxItems items;
    private final InboxAnswers answers;

    InboxController(InboxStore inbox, InboxItems items, InboxAnswers answers) {
        this.inbox = inbox;
        this.items = items;
        this.answers = answers;
    }

    @GetMapping
    ResponseEntity<?> page(@RequestParam(name = "after", defaultValue = "0") String after,
                           @RequestParam(name = "limit", defaultValue = "20") int limit) {
        long cursor;
        try {
            cursor = Long.parseLong(after);
        } catch (NumberFormatException e) {
            return problem("invalid_format", "after");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return problem("invalid_value", "limit");
        }
        List<ObjectNode> page = new ArrayList<>();
        for (InboxStore.Row row : inbox.after(cursor, limit)) {
            page.add(items.item(row));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next", page.isEmpty() ? String.valueOf(cursor) : page.get(page.size() - 1).get("cursor").asText());
        return ResponseEntity.ok(body);
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<?> accept(@PathVariable("id") String id) {
        return answer(id, InboxStore.State.ACCEPTED, null);
    }

    @PostMapping("/{id}/decline")
    ResponseEntity<?> decline(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body) {
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason == null || !reason.isTextual()) {
            return problem("missing", "/reason");
        }
        if (!REASON.matcher(reason.asText()).matches()) {
            // a reason is a code: free text could carry personal data
            return problem("invalid_format", "/reason");
        }
        return answer(id, InboxStore.State.DECLINED, reason.asText());
    }

    private ResponseEntity<?> answer(String id, InboxStore.State state, String reason) {
        UUID noticeId;
        try {
            noticeId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(404).body(ErrorBody.of(ErrorCode.NOTICE_NOT_FOUND, null));
        }
        InboxStore.State now = answers.answer(noticeId, state, reason);
        return ResponseEntity.ok(Map.of("noticeId", noticeId.toString(), "state", now.name()));
    }

    private static ResponseEntity<ErrorBody> problem(String code, String field) {
        ErrorCode error = ErrorCode.SUBMISSION_INVALID;
        return ResponseEntity.status(error.httpStatus()).body(new ErrorBody(error.code(), error.message(), null,
                List.of(new Problem(code, field))));
    }
}
