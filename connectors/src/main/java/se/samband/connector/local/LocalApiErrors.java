package se.samband.connector.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samband.connector.hubclient.HubUnreachable;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Turns refusals into machine-readable answers. Details go to the log as codes only (a SambandException's detail
 * names rules and ids, never values); Jackson's parse messages, which quote the input, are never passed on.
 */
@RestControllerAdvice
class LocalApiErrors {
    private static final Logger log = LoggerFactory.getLogger(LocalApiErrors.class);

    @ExceptionHandler(SubmissionRequests.Invalid.class)
    ResponseEntity<ErrorBody> invalid(SubmissionRequests.Invalid e) {
        ErrorCode code = ErrorCode.SUBMISSION_INVALID;
        return ResponseEntity.status(code.httpStatus())
                .body(new ErrorBody(code.code(), code.message(), null, e.problems()));
    }

    @ExceptionHandler(SambandException.class)
    ResponseEntity<ErrorBody> refused(SambandException e) {
        log.info("local API refusal: {}", e.code().code());
        return ResponseEntity.status(e.code().httpStatus()).body(ErrorBody.of(e.code(), null));
    }

    @ExceptionHandler(HubUnreachable.class)
    ResponseEntity<ErrorBody> hubUnreachable(HubUnreachable e) {
        log.warn("hub unreachable: {}", e.getMessage());
        return ResponseEntity.status(ErrorCode.HUB_UNREACHABLE.httpStatus())
                .body(ErrorBody.of(ErrorCode.HUB_UNREACHABLE, null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(ErrorCode.MALFORMED_JSON.httpStatus())
                .body(ErrorBody.of(ErrorCode.MALFORMED_JSON, null));
    }
}
