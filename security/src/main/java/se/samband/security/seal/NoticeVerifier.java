package se.samband.security.seal;

import se.samband.notice.NoticeHeader;
import se.samband.notice.SealedNotice;

/**
 * What the hub can check without opening the body: the header's detached signature over its exact
 * bytes and the body digest. Returns the parsed header and the certificate that signed it.
 */
public interface NoticeVerifier {
    VerifiedHeader verify(SealedNotice notice);

    /**
     * As {@link #verify(SealedNotice)}, for a caller that has already read the header strictly from
     * {@code notice.header()} with the same {@code NoticeJson} (the hub's admission judges times and replays
     * before any cryptography): the signature is checked over those exact bytes as always, and the header is not
     * parsed a second time. {@code readFromHeaderBytes} must be what was read from those bytes, never a header
     * from anywhere else.
     */
    default VerifiedHeader verify(SealedNotice notice, NoticeHeader readFromHeaderBytes) {
        return verify(notice);
    }
}
