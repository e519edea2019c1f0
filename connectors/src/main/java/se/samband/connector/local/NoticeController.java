package se.samband.connector.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samband.connector.outbound.NoticeSubmitter;
import se.samband.connector.status.NoticeStatusStore;
import se.samband.notice.error.ErrorCode;

/**
 * The case system submits notices as plain JSON and reads their status. A 202 means the notice is sealed and in the
 * durable outbox: it reaches the hub even if the hub is down right now or the connector restarts.
 */
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {
    private final SubmissionRequests requests;
    private final NoticeSubmitter submitter;
    private final NoticeStatusStore status;
    private final AgencyRules rules;

    NoticeController(SubmissionRequests requests, NoticeSubmitter submitter, NoticeStatusStore status,
                     AgencyRules rules) {
        this.requests = requests;
        this.rules = rules;
        this.submitter = submitter;
        this.status = status;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> submit(@RequestBody JsonNode body) {
        ParsedSubmission parsed = requests.read(body);
        rules.checkSubmission(parsed);
        UUID noticeId = submitter.submit(parsed);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("noticeId", noticeId.toString(),
                "status", status.find(noticeId).orElseThrow().status().name()));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> status(@PathVariable("id") String id) {
        UUID noticeId;
        try {
            noticeId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(404).body(ErrorBody.of(ErrorCode.NOTICE_NOT_FOUND, null));
        }
        return status.find(noticeId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ErrorBody.of(ErrorCode.NOTICE_NOT_FOUND, id)));
    }
}
