package se.samband.security.seal.internal;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * The DER of a CMS ContentInfo holding a SignedData with one signer and its certificate (RFC 5652, 5.1), written
 * from parts that are DER already. Bouncy Castle's {@code CMSSignedData.getEncoded(DER)} converts the whole tree to
 * DER objects on every call, the signer's certificate included: that was over a third of a signature's Java time.
 * Here the certificate's and the constant parts' bytes are copied, and only the signer info is encoded.
 *
 * <p>Every SET here has one element, so DER's ordering of SET OF elements never applies.
 * {@code SignedDataDerTest} proves the bytes equal Bouncy Castle's own DER of the same structure.
 */
final class SignedDataDer {
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OCTET_STRING = 0x04;
    private static final int INTEGER = 0x02;
    /** [0], constructed: the explicit tag of ContentInfo's content and eContent, the implicit one of certificates. */
    private static final int CONTEXT_0 = 0xA0;

    private static final byte[] SIGNED_DATA_OID = der(CMSObjectIdentifiers.signedData);
    private static final byte[] DATA_OID = der(CMSObjectIdentifiers.data);

    /** {@code [0] IMPLICIT SET OF} with the one certificate, ready to copy. */
    private final byte[] certificates;

    SignedDataDer(byte[] certificateDer) {
        this.certificates = tlv(CONTEXT_0, certificateDer);
    }

    /** The ContentInfo; {@code content} is encapsulated when not null, else the signature is detached. */
    byte[] encode(SignerInfo signerInfo, byte[] content) {
        byte[] encapContentInfo = content == null
                ? tlv(SEQUENCE, DATA_OID)
                : tlv(SEQUENCE, DATA_OID, tlv(CONTEXT_0, tlv(OCTET_STRING, content)));
        // Version 1, unless the signer is named by subject key identifier (RFC 5652, 5.1): the content is id-data
        // and there are only X.509 certificates and no CRLs.
        byte[] version = {INTEGER, 1, (byte) (signerInfo.getVersion().intValueExact() == 3 ? 3 : 1)};
        byte[] signedData = tlv(SEQUENCE, version,
                tlv(SET, der(signerInfo.getDigestAlgorithm())),
                encapContentInfo,
                certificates,
                tlv(SET, der(signerInfo)));
        return tlv(SEQUENCE, SIGNED_DATA_OID, tlv(CONTEXT_0, signedData));
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** One DER element: tag, definite length (short or long form), then the parts' bytes in order. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        int lengthBytes = length < 0x80 ? 0 : (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        int at = 2 + lengthBytes;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
