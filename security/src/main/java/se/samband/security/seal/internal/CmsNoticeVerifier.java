package se.samband.security.seal.internal;

import java.security.cert.X509Certificate;
import java.util.Objects;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.seal.NoticeVerifier;
import se.samband.security.seal.VerifiedHeader;

/**
 * The hub's check: the header's size, the detached signature over its exact bytes (nothing unsigned is
 * parsed), then the strict header read, then the body digest the header names. Thread-safe.
 */
public final class CmsNoticeVerifier implements NoticeVerifier {
    private final SignedDataVerifier signatures;
    private final NoticeJson json;

    public CmsNoticeVerifier(NoticeJson json) {
        this(json, SignerCache.DEFAULT_CAPACITY);
    }

    CmsNoticeVerifier(NoticeJson json, int cachedSigners) {
        this.signatures = new SignedDataVerifier(new SignerCache(cachedSigners));
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public VerifiedHeader verify(SealedNotice notice) {
        return verify(notice, null);
    }

    @Override
    public VerifiedHeader verify(SealedNotice notice, NoticeHeader readFromHeaderBytes) {
        // Bounded before any CMS or JSON work: the hub verifies what strangers send.
        if (notice.header().length > json.limits().maxHeaderBytes()) {
            throw new SambandException(ErrorCode.HEADER_TOO_LARGE, notice.header().length + " bytes");
        }
        X509Certificate signer = signatures.verifyDetached(notice.header(), notice.signature());
        NoticeHeader header = readFromHeaderBytes != null ? readFromHeaderBytes : json.readHeader(notice.header());
        if (!BodyDigest.matches(header.bodyDigest(), notice.body())) {
            throw new SambandException(ErrorCode.BODY_DIGEST_MISMATCH, "notice " + header.noticeId());
        }
        return new VerifiedHeader(header, signer);
    }

    SignedDataVerifier signatures() {
        return signatures;
    }
}
