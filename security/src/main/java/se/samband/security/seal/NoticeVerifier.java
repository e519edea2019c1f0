package se.samband.security.seal;

import se.samband.notice.SealedNotice;

/**
 * What the hub can check without opening the body: the header's detached signature over its exact
 * bytes and the body digest. Returns the parsed header and the certificate that signed it.
 */
public interface NoticeVerifier {
    VerifiedHeader verify(SealedNotice notice);
}
