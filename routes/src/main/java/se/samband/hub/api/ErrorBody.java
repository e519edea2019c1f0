package se.samband.hub.api;

import se.samband.notice.error.ErrorCode;

/** A refusal as agencies get it: the stable code, its generic sentence and the notice id when known. */
public record ErrorBody(String code, String message, String noticeId) {

    static ErrorBody of(ErrorCode code, Object noticeId) {
        return new ErrorBody(code.code(), code.message(), noticeId == null ? null : noticeId.toString());
    }
}
