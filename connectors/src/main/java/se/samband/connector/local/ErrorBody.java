package se.samband.connector.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.samband.notice.error.ErrorCode;

/** Every refusal of the local API: the hub's {code, message, noticeId} shape, with the problems when there are some. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String noticeId, List<Problem> problems) {
    public static ErrorBody of(ErrorCode code, String noticeId) {
        return new ErrorBody(code.code(), code.message(), noticeId, null);
    }
}
