package se.samband.hub.riskflag;

import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** A risk flag refused with {@code risk_flag_invalid} and these problems (code and field, never the value). */
class RiskFlagRefused extends SambandException {
    private final transient List<Problem> problems;

    RiskFlagRefused(List<Problem> problems) {
        super(ErrorCode.RISK_FLAG_INVALID, "risk flag refused: "
                + problems.stream().map(p -> p.code() + "/" + p.field()).toList());
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    /** One problem as the agency gets it. */
    record Problem(String code, String field) {
    }
}
