package se.samband.connector.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/v1/notices/{id}}: codes, participant ids and times only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeStatus(String noticeId, String type, Outcome status, String reason, List<Recipient> recipients,
                           List<Event> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(String participant, Outcome outcome, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Instant at, String event, String participant, String reason) {
    }
}
