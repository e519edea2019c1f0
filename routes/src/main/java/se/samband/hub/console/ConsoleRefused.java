package se.samband.hub.console;

import se.samband.notice.error.ErrorCode;

/** An operator request the console cannot carry out; answered with the code's status and {@code ApiError} body. */
final class ConsoleRefused extends RuntimeException {
    private final ErrorCode code;

    ConsoleRefused(ErrorCode code, String detail) {
        super(code.code() + ": " + detail);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
