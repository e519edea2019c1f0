package se.samband.security.seal;

import java.security.cert.X509Certificate;
import java.util.List;
import se.samband.notice.NoticeHeader;
import se.samband.notice.SealedNotice;

/**
 * Seals a notice: signs the payload, encrypts it for each recipient certificate (CMS
 * AuthEnvelopedData, AES-256-GCM), sets the header's {@code bodyDigest} and signs the header's
 * exact bytes (detached CMS SignedData). The signing key is fixed when the sealer is created.
 */
public interface NoticeSealer {
    SealedNotice seal(NoticeHeader header, byte[] payload, List<X509Certificate> recipients);
}
