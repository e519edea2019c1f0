package se.samband.security.seal;

import java.security.cert.X509Certificate;
import se.samband.notice.NoticeHeader;

/** A header whose signature and body digest have been verified, and the certificate that signed it. */
public record VerifiedHeader(NoticeHeader header, X509Certificate signer) {
}
