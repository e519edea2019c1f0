package se.samband.security.seal.internal;

import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

/**
 * The CMS signature schemes Samband writes and accepts, chosen from the signer's key type. Accepting only
 * these (with SHA-256 as the message digest) keeps a sender from downgrading to SHA-1 or PKCS#1 v1.5.
 */
enum SignatureScheme {
    ECDSA_SHA256(KeyKind.EC, "SHA256withECDSA", X9ObjectIdentifiers.ecdsa_with_SHA256),
    RSASSA_PSS_SHA256(KeyKind.RSA, "SHA256withRSAandMGF1", PKCSObjectIdentifiers.id_RSASSA_PSS);

    private final KeyKind keyKind;
    private final String jcaName;
    private final ASN1ObjectIdentifier oid;

    SignatureScheme(KeyKind keyKind, String jcaName, ASN1ObjectIdentifier oid) {
        this.keyKind = keyKind;
        this.jcaName = jcaName;
        this.oid = oid;
    }

    /** The JCA signature name (BC's name for RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt). */
    String jcaName() {
        return jcaName;
    }

    static SignatureScheme forKey(PublicKey key) {
        return switch (KeyKind.of(key)) {
            case EC -> ECDSA_SHA256;
            case RSA -> RSASSA_PSS_SHA256;
        };
    }

    /** The scheme of a SignerInfo, if it is one Samband accepts for a key of this kind. */
    static Optional<SignatureScheme> of(SignerInformation signer, KeyKind signerKey) {
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
            return Optional.empty();
        }
        for (SignatureScheme scheme : values()) {
            if (scheme.keyKind == signerKey && scheme.oid.getId().equals(signer.getEncryptionAlgOID())
                    && scheme.parametersAccepted(signer.getEncryptionAlgParams())) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    private boolean parametersAccepted(byte[] encodedParameters) {
        if (this != RSASSA_PSS_SHA256) {
            return true;
        }
        if (encodedParameters == null) {
            return false; // absent parameters mean SHA-1
        }
        RSASSAPSSparams params = RSASSAPSSparams.getInstance(encodedParameters);
        AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
        ASN1Encodable mgfHash = mgf.getParameters();
        return NISTObjectIdentifiers.id_sha256.equals(params.getHashAlgorithm().getAlgorithm())
                && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                && mgfHash != null
                && NISTObjectIdentifiers.id_sha256.equals(AlgorithmIdentifier.getInstance(mgfHash).getAlgorithm());
    }
}
