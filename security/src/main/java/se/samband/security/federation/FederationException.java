package se.samband.security.federation;

import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** A federation file that cannot be used, with every problem found (not just the first). */
public class FederationException extends SambandException {
    private final List<String> problems;

    public FederationException(String source, List<String> problems) {
        super(ErrorCode.FEDERATION_INVALID, source + " has " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
