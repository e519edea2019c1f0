package se.samband.hub.directory;

import java.util.List;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The federation file the hub was told to use cannot be used. Carries the file's source and every problem,
 * so that {@link FederationFailureAnalyzer} can tell the operator exactly what to fix.
 */
public class InvalidFederationException extends SambandException {
    private final String source;
    private final List<String> problems;

    InvalidFederationException(String source, List<String> problems, Throwable cause) {
        super(ErrorCode.FEDERATION_INVALID, source + " has " + problems.size() + " problem(s)", cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
