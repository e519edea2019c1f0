package se.samband.hub.consent;

import java.util.List;
import se.samband.notice.PersonnummerShape;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The registry refused a consent with {@code consent_invalid} and these problems, each a code and a field (and,
 * only where it is an id or a code, the value at fault). The message names the consent id (unless it is shaped like
 * a personnummer) and codes only.
 */
public class ConsentRefused extends SambandException {
    private final transient List<Problem> problems;

    ConsentRefused(String consentId, List<Problem> problems) {
        // The message is logged: an id refused for its personnummer shape is not repeated there.
        super(ErrorCode.CONSENT_INVALID, "consent " + (PersonnummerShape.foundIn(consentId) ? "(id withheld)"
                : consentId) + " refused: " + problems.stream().map(p -> p.code() + "/" + p.field()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem as the agency gets it. */
    public record Problem(String code, String field, String value) {
        static Problem of(String code, String field) {
            return new Problem(code, field, null);
        }
    }
}
