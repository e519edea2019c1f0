package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInfoGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.util.Pack;

/**
 * One KeyAgreeRecipientInfo (RFC 5753 dhSinglePass-stdDH-sha256kdf-scheme, id-aes256-wrap) for one recipient, from
 * a shared secret Z already agreed between the originator key and the recipient's key, and a fresh random user
 * keying material (ukm) of its own. The key-encryption key is the X9.63 KDF with SHA-256 over Z and the DER
 * ECC-CMS-SharedInfo (the wrap algorithm, the ukm, the key length in bits), which is what BC's
 * {@code JceKeyAgreeRecipient} and OpenSSL derive on the recipient's side; the ukm goes into the RecipientInfo.
 * Built per message and recipient; not shared between threads.
 */
final class ReusedOriginatorRecipientInfoGenerator extends KeyAgreeRecipientInfoGenerator {
    /** RFC 5753 section 7.2: if present, the ukm MUST be 512 bits. */
    static final int UKM_BYTES = 64;
    private static final int KEK_BYTES = 32;

    private final KeyAgreeRecipientIdentifier recipient;
    private final byte[] sharedSecret;
    private final byte[] ukm = new byte[UKM_BYTES];

    ReusedOriginatorRecipientInfoGenerator(OriginatorKey originator, KeyAgreeRecipientIdentifier recipient,
            byte[] sharedSecret, SecureRandom random) {
        super(CMSAlgorithm.ECDH_SHA256KDF, originator.publicKey(), CMSAlgorithm.AES256_WRAP);
        this.recipient = recipient;
        this.sharedSecret = sharedSecret;
        random.nextBytes(ukm);
    }

    @Override
    protected ASN1Sequence generateRecipientEncryptedKeys(AlgorithmIdentifier keyAgreeAlg,
            AlgorithmIdentifier keyEncAlg, GenericKey contentKey) throws CMSException {
        if (!CMSAlgorithm.AES256_WRAP.equals(keyEncAlg.getAlgorithm())) {
            throw new CMSException("only id-aes256-wrap is supported");
        }
        byte[] kek = keyEncryptionKey(keyEncAlg);
        byte[] cek = encoded(contentKey);
        try {
            RFC3394WrapEngine wrap = new RFC3394WrapEngine(AESEngine.newInstance());
            wrap.init(true, new KeyParameter(kek));
            byte[] encryptedKey = wrap.wrap(cek, 0, cek.length);
            return new DERSequence(new RecipientEncryptedKey(recipient, new DEROctetString(encryptedKey)));
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(cek, (byte) 0);
        }
    }

    @Override
    protected byte[] getUserKeyingMaterial(AlgorithmIdentifier keyAgreeAlg) {
        return ukm.clone();
    }

    /** RFC 5753 section 7.2: KDF(Z, ECC-CMS-SharedInfo{keyInfo, entityUInfo = ukm, suppPubInfo = key bits}). */
    private byte[] keyEncryptionKey(AlgorithmIdentifier keyEncAlg) throws CMSException {
        byte[] sharedInfo;
        try {
            sharedInfo = new ECCCMSSharedInfo(keyEncAlg, ukm, Pack.intToBigEndian(KEK_BYTES * 8))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CMSException("cannot encode the ECC-CMS-SharedInfo", e);
        }
        KDF2BytesGenerator kdf = new KDF2BytesGenerator(new SHA256Digest());
        kdf.init(new KDFParameters(sharedSecret, sharedInfo));
        byte[] kek = new byte[KEK_BYTES];
        kdf.generateBytes(kek, 0, kek.length);
        return kek;
    }

    private static byte[] encoded(GenericKey contentKey) throws CMSException {
        Object representation = contentKey.getRepresentation();
        if (representation instanceof Key key) {
            byte[] encoded = key.getEncoded(); // a copy: the caller zeroes it
            if (encoded != null) {
                return encoded;
            }
        }
        if (representation instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw new CMSException("the content key cannot be wrapped");
    }
}
