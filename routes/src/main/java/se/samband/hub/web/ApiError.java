package se.samband.hub.web;

import se.samband.notice.error.ErrorCode;

/**
 * The body of every refusal the HTTPS API gives: a stable code, its generic sentence and the notice id when one is
 * known. Details stay in the hub's log.
 */
public record ApiError(String code, String message, String noticeId) {

    public static ApiError of(ErrorCode code, String noticeId) {
        return new ApiError(code.code(), code.message(), noticeId);
    }
}
