package se.samband.security.seal.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cms.CMSException;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.NoticeSealer;

/** Signs, encrypts, digests and signs again, in the order of ARCHITECTURE.md's wire contract. Thread-safe. */
public final class CmsNoticeSealer implements NoticeSealer {
    private final CmsSigner signer;
    private final BodyEncryptor encryptor;
    private final NoticeJson json;

    public CmsNoticeSealer(PrivateKeyAccess signingKey, NoticeJson json, Clock clock) {
        this.signer = new CmsSigner(signingKey, clock);
        this.encryptor = new BodyEncryptor(clock, BodyEncryptor.DEFAULT_ORIGINATOR_KEY_PERIOD);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public SealedNotice seal(NoticeHeader header, byte[] payload, List<X509Certificate> recipients) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (recipients == null || recipients.isEmpty()) {
            throw new SambandException(ErrorCode.SEALING_FAILED, "notice " + header.noticeId()
                    + ": no recipient certificates");
        }
        byte[] body;
        try {
            body = encryptor.encrypt(signer.signEncapsulated(payload), recipients);
        } catch (CMSException | RuntimeException e) {
            throw new SambandException(ErrorCode.SEALING_FAILED, "notice " + header.noticeId()
                    + ": cannot sign or encrypt the body", e);
        }
        return sealBody(header, body);
    }

    /**
     * Wraps a body that is already an AuthEnvelopedData (made by this sealer or another CMS
     * implementation): sets the header's digest of it and signs the header. Not on the public API,
     * which always makes its own body; interoperability tests use it for bodies made by OpenSSL.
     */
    public SealedNotice sealBody(NoticeHeader header, byte[] body) {
        byte[] headerBytes = json.writeHeader(header.withBodyDigest(BodyDigest.of(body)));
        if (headerBytes.length > json.limits().maxHeaderBytes()) {
            throw new SambandException(ErrorCode.HEADER_TOO_LARGE, "notice " + header.noticeId() + ": "
                    + headerBytes.length + " bytes");
        }
        try {
            return new SealedNotice(headerBytes, signer.signDetached(headerBytes), body);
        } catch (CMSException | RuntimeException e) {
            throw new SambandException(ErrorCode.SEALING_FAILED, "notice " + header.noticeId()
                    + ": cannot sign the header", e);
        }
    }
}
