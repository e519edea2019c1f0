package se.samband.notice.error;

/**
 * A refusal with a stable {@link ErrorCode}. The detail is for the hub's own log and names
 * identifiers and codes only, never a field value, a name or a personal identity number.
 */
public class SambandException extends RuntimeException {
    private final ErrorCode code;

    public SambandException(ErrorCode code, String detail) {
        super(code.code() + ": " + detail);
        this.code = code;
    }

    public SambandException(ErrorCode code, String detail, Throwable cause) {
        super(code.code() + ": " + detail, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
