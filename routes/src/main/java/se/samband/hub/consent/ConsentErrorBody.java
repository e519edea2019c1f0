package se.samband.hub.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.samband.notice.error.ErrorCode;

/**
 * A refusal of the registry API: the API's usual {@code {code, message, noticeId}} (noticeId is always null here)
 * and, for {@code consent_invalid}, every problem found.
 */
public record ConsentErrorBody(String code, String message, String noticeId,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Problem> problems) {

    /** One problem: a stable code and the field; value only where it is a participant id or a code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String code, String field, String value) {
    }

    static ConsentErrorBody of(ErrorCode code, List<ConsentRefused.Problem> problems) {
        return new ConsentErrorBody(code.code(), code.message(), null,
                problems.stream().map(p -> new Problem(p.code(), p.field(), p.value())).toList());
    }
}
