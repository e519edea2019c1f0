package se.samband.hub.officer;

import se.samband.notice.error.ErrorCode;

/** A security officer's request refused with a code of the catalogue; the detail (no values) goes to the log only. */
final class OfficerRefused extends RuntimeException {
    private final ErrorCode code;

    OfficerRefused(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
