package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import javax.crypto.KeyGenerator;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * Encrypts the inner SignedData for the recipients' certificates as a CMS AuthEnvelopedData (RFC 5083),
 * AES-256-GCM, one RecipientInfo per certificate: ECDH (dhSinglePass-stdDH-sha256kdf-scheme, a fresh
 * ephemeral key each, AES-256 key wrap) for EC keys, RSA-OAEP with SHA-256 and MGF1-SHA-256 for RSA keys.
 * Recipients are identified by issuer and serial number, as OpenSSL's {@code cms -decrypt -recip} expects.
 */
public final class BodyEncryptor {
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
            DERNull.INSTANCE);
    static final AlgorithmIdentifier RSA_OAEP_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
            new RSAESOAEPparams(SHA256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));

    private final SecureRandom random = new SecureRandom();

    /**
     * The DER AuthEnvelopedData of {@code signedData} for {@code recipients}. The content is typed id-data, as
     * OpenSSL's sign-then-encrypt makes it: RFC 5083 would demand authenticated attributes for any other
     * content type, and not every CMS implementation handles those.
     */
    public byte[] encrypt(byte[] signedData, List<X509Certificate> recipients) throws CMSException {
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            for (X509Certificate recipient : recipients) {
                generator.addRecipientInfoGenerator(recipientInfo(recipient));
            }
            // The content key comes from the JDK: BC asks a provider for key generators by OID, which SunJCE lacks.
            KeyGenerator keys = KeyGenerator.getInstance("AES", Providers.JDK_AES);
            keys.init(256, random);
            OutputAEADEncryptor contentEncryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CMSAlgorithm.AES256_GCM).setProvider(Providers.JDK_AES).setSecureRandom(random)
                    .build(keys.generateKey());
            return generator.generate(new CMSProcessableByteArray(signedData), contentEncryptor)
                    .toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new CMSException("cannot encrypt the body", e);
        }
    }

    private RecipientInfoGenerator recipientInfo(X509Certificate recipient) throws GeneralSecurityException {
        return switch (KeyKind.of(recipient.getPublicKey())) {
            case EC -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
                generator.initialize(new ECGenParameterSpec(namedCurve(recipient).getId()), random);
                KeyPair ephemeral = generator.generateKeyPair();
                yield new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                        ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .setProvider(Providers.BC)
                        .setSecureRandom(random)
                        .addRecipient(recipient);
            }
            case RSA -> new JceKeyTransRecipientInfoGenerator(recipient, RSA_OAEP_SHA256).setProvider(Providers.BC);
        };
    }

    /**
     * The recipient key's curve by name (RFC 5480 allows only named curves). Generating the ephemeral key on
     * BC's named curve reuses its precomputed base-point table; the JDK key's explicit parameters would make
     * BC build a fresh curve, and precompute again, on every notice.
     */
    private static ASN1ObjectIdentifier namedCurve(X509Certificate recipient) throws GeneralSecurityException {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(recipient.getPublicKey().getEncoded());
        if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            throw new InvalidKeyException("the recipient's EC key does not name its curve");
        }
        return curve;
    }
}
