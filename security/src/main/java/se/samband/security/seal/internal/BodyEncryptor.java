package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
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
 *
 * <p>Each recipient certificate is converted once to Bouncy Castle's own certificate object, whose public key
 * object (and so the key's point) stays the same from one notice to the next: BC keeps the precomputed multiples
 * of a point on the point instance, so ECDH with a reused key skips that work, where a JDK key would be converted
 * to a fresh point, and precomputed again, on every notice (about a quarter of an ECDH). The hub seals every
 * receipt for one of a few hundred participants' certificates, so a bounded map is enough. Thread-safe.
 */
public final class BodyEncryptor {
    static final int CACHED_RECIPIENTS = 1024;

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
            DERNull.INSTANCE);
    static final AlgorithmIdentifier RSA_OAEP_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
            new RSAESOAEPparams(SHA256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<X509Certificate, Recipient> recipients = new ConcurrentHashMap<>();

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

    private RecipientInfoGenerator recipientInfo(X509Certificate certificate) throws GeneralSecurityException {
        Recipient recipient = recipient(certificate);
        return switch (recipient.kind()) {
            case EC -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
                generator.initialize(recipient.curve(), random);
                KeyPair ephemeral = generator.generateKeyPair();
                yield new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                        ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .setProvider(Providers.BC)
                        .setSecureRandom(random)
                        .addRecipient(recipient.certificate());
            }
            case RSA -> new JceKeyTransRecipientInfoGenerator(recipient.certificate(), RSA_OAEP_SHA256)
                    .setProvider(Providers.BC);
        };
    }

    /** The recipient as BC objects, converted on first use; when the map is full an arbitrary entry gives way. */
    private Recipient recipient(X509Certificate certificate) throws GeneralSecurityException {
        Recipient known = recipients.get(certificate);
        if (known != null) {
            return known;
        }
        Recipient converted = Recipient.of(certificate);
        while (recipients.size() >= CACHED_RECIPIENTS) {
            Iterator<X509Certificate> any = recipients.keySet().iterator();
            if (!any.hasNext()) {
                break;
            }
            recipients.remove(any.next());
        }
        Recipient raced = recipients.putIfAbsent(certificate, converted);
        return raced != null ? raced : converted;
    }

    int cachedRecipients() {
        return recipients.size();
    }

    /**
     * A recipient certificate as BC's certificate object (which hands out one public key object for its whole
     * life) and, for an EC key, its named curve.
     */
    private record Recipient(X509Certificate certificate, KeyKind kind, ECGenParameterSpec curve) {
        static Recipient of(X509Certificate certificate) throws GeneralSecurityException {
            KeyKind kind = KeyKind.of(certificate.getPublicKey());
            X509Certificate bc = new JcaX509CertificateConverter().setProvider(Providers.BC)
                    .getCertificate(new JcaX509CertificateHolder(certificate));
            return new Recipient(bc, kind,
                    kind == KeyKind.EC ? new ECGenParameterSpec(namedCurve(certificate).getId()) : null);
        }
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
