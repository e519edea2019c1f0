package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Verifies a CMS SignedData with exactly one signer whose certificate it carries, signed attributes, SHA-256
 * and one of the {@link SignatureScheme}s. Any failure, including bytes that are not CMS at all, becomes one
 * {@link SambandException} with the caller's code: a malformed signature is as invalid as a wrong one.
 */
final class SignedDataVerifier {
    private static final String ID_DATA = CMSObjectIdentifiers.data.getId();

    private final SignerCache signers;

    SignedDataVerifier(SignerCache signers) {
        this.signers = signers;
    }

    /** The certificate that signed {@code content} with the detached {@code signature}. */
    X509Certificate verifyDetached(byte[] content, byte[] signature) {
        try {
            return verify(new CMSSignedData(new CMSProcessableByteArray(content), signature)).certificate();
        } catch (CMSException | IOException | CertificateException | OperatorCreationException
                 | RuntimeException e) {
            throw failure(ErrorCode.SIGNATURE_INVALID, e);
        }
    }

    /** The content of an encapsulating SignedData and the certificate that signed it. */
    SignedContent verifyEncapsulated(byte[] signedData) {
        try {
            CMSSignedData parsed = new CMSSignedData(signedData);
            CMSTypedData content = parsed.getSignedContent();
            if (content == null) {
                throw new CMSException("no encapsulated content");
            }
            X509Certificate signer = verify(parsed).certificate();
            return new SignedContent((byte[]) content.getContent(), signer);
        } catch (CMSException | IOException | CertificateException | OperatorCreationException
                 | RuntimeException e) {
            throw failure(ErrorCode.PAYLOAD_SIGNATURE_INVALID, e);
        }
    }

    private KnownSigner verify(CMSSignedData signedData) throws CMSException, IOException, CertificateException,
            OperatorCreationException {
        if (!ID_DATA.equals(signedData.getSignedContentTypeOID())) {
            throw new CMSException("content type is not id-data");
        }
        Collection<SignerInformation> signerInfos = signedData.getSignerInfos().getSigners();
        if (signerInfos.size() != 1) {
            throw new CMSException("expected one signer, found " + signerInfos.size());
        }
        SignerInformation signerInfo = signerInfos.iterator().next();
        if (signerInfo.getSignedAttributes() == null) {
            throw new CMSException("no signed attributes");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates =
                signedData.getCertificates().getMatches((Selector<X509CertificateHolder>) signerInfo.getSID());
        if (certificates.size() != 1) {
            throw new CMSException("expected the signer's certificate once, found " + certificates.size());
        }
        KnownSigner signer = signers.get(certificates.iterator().next());
        if (SignatureScheme.of(signerInfo, signer.keyKind()).isEmpty()) {
            throw new CMSException("signature or digest algorithm not accepted");
        }
        if (!signerInfo.verify(signer.verifier())) {
            throw new CMSException("signature does not verify");
        }
        return signer;
    }

    private static SambandException failure(ErrorCode code, Exception cause) {
        if (cause instanceof SambandException samband) {
            return samband;
        }
        return new SambandException(code, cause.getClass().getSimpleName(), cause);
    }

    /** A verified inner payload. The bytes are plaintext: never log them. */
    record SignedContent(byte[] content, X509Certificate signer) {
        @Override
        public String toString() {
            return "SignedContent[bytes=" + content.length + "]";
        }
    }
}
