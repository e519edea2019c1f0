package se.samband.hub.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.federation.Participant;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.ParticipantCertificates;
import se.samband.security.seal.NoticeVerifier;
import se.samband.security.seal.VerifiedHeader;

/**
 * Step 2 of the pipeline, in this order, each failure with its own code:
 * <ol>
 *   <li>the detached signature over the exact header bytes and the body digest ({@code signature_invalid},
 *       {@code body_digest_mismatch}; one shared {@link NoticeVerifier}, which caches verifiers per signer);</li>
 *   <li>the signer's certificate for signing, against the federation's CAs and CRLs (the trust codes:
 *       {@code certificate_expired}, {@code certificate_revoked}, {@code crl_unavailable}, ...);</li>
 *   <li>the certificate's participant id is the header's sender, and the header's sender is the participant the
 *       transport authenticated ({@code sender_mismatch});</li>
 *   <li>the sender is a participant of the federation ({@code sender_unknown}).</li>
 * </ol>
 * Thread-safe.
 */
public final class Verification {
    private static final int CACHED_SIGNERS = 10_000;

    private final NoticeVerifier verifier;
    private final FederationTrust trust;
    private final Supplier<Federation> federation;
    /** Reading the SubjectAltName costs an ASN.1 parse; the same few hundred certificates sign everything. */
    private final Cache<X509Certificate, Optional<ParticipantId>> signerIds =
            Caffeine.newBuilder().maximumSize(CACHED_SIGNERS).build();

    public Verification(NoticeVerifier verifier, FederationTrust trust, Supplier<Federation> federation) {
        this.verifier = verifier;
        this.trust = trust;
        this.federation = federation;
    }

    /**
     * @param authenticatedSender the participant the transport authenticated (client certificate)
     * @throws SambandException with the code of the first check that fails
     */
    public VerifiedNotice verify(SealedNotice notice, ParticipantId authenticatedSender) {
        return verify(notice, null, authenticatedSender);
    }

    /**
     * As {@link #verify(SealedNotice, ParticipantId)} with the header admission already read strictly from
     * {@code notice.header()} (null: read it here): the signature is checked over those bytes, the header is not
     * parsed twice.
     */
    public VerifiedNotice verify(SealedNotice notice, NoticeHeader admitted, ParticipantId authenticatedSender) {
        VerifiedHeader verified = verifier.verify(notice, admitted);
        NoticeHeader header = verified.header();
        X509Certificate signer = verified.signer();
        trust.validator().validate(signer, KeyUse.SIGNING);
        Optional<ParticipantId> signerId = signerIds.get(signer, ParticipantCertificates::participantId);
        if (signerId.isEmpty() || !signerId.get().equals(header.sender())) {
            throw new SambandException(ErrorCode.SENDER_MISMATCH, "notice " + header.noticeId() + " from "
                    + header.sender() + " signed by " + signerId.map(Object::toString).orElse("no participant id"));
        }
        if (!header.sender().equals(authenticatedSender)) {
            throw new SambandException(ErrorCode.SENDER_MISMATCH, "notice " + header.noticeId() + " from "
                    + header.sender() + " sent by " + authenticatedSender);
        }
        Participant sender = federation.get().participant(header.sender()).orElseThrow(() ->
                new SambandException(ErrorCode.SENDER_UNKNOWN, "notice " + header.noticeId() + " from "
                        + header.sender()));
        return new VerifiedNotice(header, sender);
    }
}
