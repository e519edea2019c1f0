package se.samband.security.seal.internal;

import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * Finds the RecipientInfo for one participant's certificate in an AuthEnvelopedData and decrypts the
 * content with its key. The GCM tag is checked as part of decryption. NOT_A_RECIPIENT when no
 * RecipientInfo names the certificate; DECRYPTION_FAILED for everything after that.
 */
final class BodyDecryptor {

    byte[] decrypt(byte[] body, PrivateKeyAccess ownKey) {
        RecipientInformation recipientInfo = recipientInfoFor(body, ownKey);
        try {
            return recipientInfo.getContent(recipient(recipientInfo, ownKey.privateKey()));
        } catch (CMSException | RuntimeException e) {
            throw new SambandException(ErrorCode.DECRYPTION_FAILED, e.getClass().getSimpleName(), e);
        }
    }

    private static RecipientInformation recipientInfoFor(byte[] body, PrivateKeyAccess ownKey) {
        CMSAuthEnvelopedData envelope;
        X509CertificateHolder own;
        try {
            envelope = new CMSAuthEnvelopedData(body);
            own = new JcaX509CertificateHolder(ownKey.certificate());
        } catch (CMSException | CertificateEncodingException | RuntimeException e) {
            throw new SambandException(ErrorCode.DECRYPTION_FAILED, "body is not an AuthEnvelopedData", e);
        }
        for (RecipientInformation candidate : envelope.getRecipientInfos().getRecipients()) {
            if (candidate.getRID().match(own)) {
                return candidate;
            }
        }
        throw new SambandException(ErrorCode.NOT_A_RECIPIENT, "no RecipientInfo for the key's certificate");
    }

    private static Recipient recipient(RecipientInformation recipientInfo, PrivateKey key) throws CMSException {
        Provider provider = Providers.forPrivateKey(key);
        if (recipientInfo instanceof KeyAgreeRecipientInformation) {
            JceKeyAgreeRecipient recipient = new KeyAgreeRecipient(key);
            return provider == null ? recipient : recipient.setProvider(provider);
        }
        if (recipientInfo instanceof KeyTransRecipientInformation) {
            JceKeyTransRecipient recipient = new KeyTransRecipient(key);
            return provider == null ? recipient : recipient.setProvider(provider);
        }
        throw new CMSException("unsupported RecipientInfo type");
    }

    /** ECDH: BC agrees and unwraps the content key, the JDK decrypts the content. */
    private static final class KeyAgreeRecipient extends JceKeyAgreeRecipient {
        KeyAgreeRecipient(PrivateKey key) {
            super(key);
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
                AlgorithmIdentifier contentEncryptionAlgorithm, SubjectPublicKeyInfo senderPublicKey,
                ASN1OctetString userKeyingMaterial, byte[] encryptedContentKey) throws CMSException {
            Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey,
                    userKeyingMaterial, encryptedContentKey);
            return new RecipientOperator(JdkGcmDecryptor.of(contentKey, contentEncryptionAlgorithm));
        }
    }

    /** RSA-OAEP: BC unwraps the content key, the JDK decrypts the content. */
    private static final class KeyTransRecipient extends JceKeyTransRecipient {
        KeyTransRecipient(PrivateKey key) {
            super(key);
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
                AlgorithmIdentifier contentEncryptionAlgorithm, byte[] encryptedContentKey) throws CMSException {
            Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, encryptedContentKey);
            return new RecipientOperator(JdkGcmDecryptor.of(contentKey, contentEncryptionAlgorithm));
        }
    }
}
