package se.samband.security.seal.internal;

import java.util.Objects;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.NoticeOpener;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.VerifiedHeader;
import se.samband.security.seal.internal.SignedDataVerifier.SignedContent;

/**
 * A recipient's side: verify as the hub does, decrypt with the own key, verify the inner signature and
 * require that the same certificate signed the header and the payload (so a body cannot be re-wrapped
 * under someone else's header). Thread-safe.
 */
public final class CmsNoticeOpener implements NoticeOpener {
    private final CmsNoticeVerifier verifier;
    private final BodyDecryptor decryptor = new BodyDecryptor();

    public CmsNoticeOpener(NoticeJson json) {
        this.verifier = new CmsNoticeVerifier(Objects.requireNonNull(json, "json"));
    }

    @Override
    public OpenedNotice open(SealedNotice notice, PrivateKeyAccess ownKey) {
        VerifiedHeader verified = verifier.verify(notice);
        NoticeHeader header = verified.header();
        byte[] signedPayload;
        SignedContent payload;
        try {
            signedPayload = decryptor.decrypt(notice.body(), ownKey);
            payload = verifier.signatures().verifyEncapsulated(signedPayload);
        } catch (SambandException e) {
            throw new SambandException(e.code(), "notice " + header.noticeId(), e);
        }
        if (!payload.signer().equals(verified.signer())) {
            throw new SambandException(ErrorCode.SIGNER_MISMATCH, "notice " + header.noticeId());
        }
        return new OpenedNotice(header, payload.content(), verified.signer());
    }
}
