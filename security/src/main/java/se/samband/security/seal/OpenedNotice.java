package se.samband.security.seal;

import java.security.cert.X509Certificate;
import se.samband.notice.NoticeHeader;

/**
 * A notice opened by one of its recipients: the verified header, the plaintext payload and the
 * certificate that signed both. Holds plaintext personal data: {@link #toString()} shows sizes only.
 */
public record OpenedNotice(NoticeHeader header, byte[] payload, X509Certificate signer) {

    @Override
    public String toString() {
        return "OpenedNotice[id=" + header.noticeId() + ", type=" + header.type() + ", bytes=" + payload.length + "]";
    }
}
