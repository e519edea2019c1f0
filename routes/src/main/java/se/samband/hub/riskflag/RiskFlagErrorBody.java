package se.samband.hub.riskflag;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.samband.notice.error.ErrorCode;

/**
 * A refusal of the risk-flag API: the API's usual {@code {code, message, noticeId}} (noticeId always null) and, for
 * {@code risk_flag_invalid}, every problem found as {@code {code, field}}.
 */
public record RiskFlagErrorBody(String code, String message, String noticeId,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Problem> problems) {

    /** One problem: a stable code and the field. */
    public record Problem(String code, String field) {
    }

    static RiskFlagErrorBody of(ErrorCode code, List<RiskFlagRefused.Problem> problems) {
        return new RiskFlagErrorBody(code.code(), code.message(), null,
                problems.stream().map(p -> new Problem(p.code(), p.field())).toList());
    }
}
