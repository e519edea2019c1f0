package se.samband.security.seal.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * Encrypts the inner SignedData for the recipients' certificates as a CMS AuthEnvelopedData (RFC 5083),
 * AES-256-GCM with a fresh random content key per message, one RecipientInfo per certificate: ECDH
 * (dhSinglePass-stdDH-sha256kdf-scheme, AES-256 key wrap, a fresh random 64-byte ukm per message and recipient)
 * for EC keys, RSA-OAEP with SHA-256 and MGF1-SHA-256 for RSA keys. Recipients are identified by issuer and serial
 * number, as OpenSSL's {@code cms -decrypt -recip} expects.
 *
 * <p><b>The originator key is reused for a bounded period.</b> Instead of a new ephemeral key pair and a full ECDH
 * for every recipient of every notice (about a quarter of the hub's intake CPU, as it seals a receipt for the same
 * few hundred participants all day), one originator key pair per curve serves every message until it is
 * {@code originatorKeyPeriod} old (ten minutes by default, by the injected clock), and the ECDH shared secret Z per
 * (originator key, recipient certificate) is kept in a bounded cache ({@link OriginatorKeys}, {@link OriginatorKey}).
 * This is safe here because:
 * <ul>
 * <li>every message and recipient gets a fresh random ukm, which goes into the KDF's ECC-CMS-SharedInfo (RFC 5753
 *     sections 3.1.1 and 7.2), so the key-encryption key differs for every message even when Z repeats;</li>
 * <li>the content key is fresh and random per message, so nothing encrypted under one message's keys helps with
 *     another's;</li>
 * <li>ephemeral-static ECDH gives no forward secrecy against the recipient's key anyway: whoever gets a
 *     recipient's private key can compute Z for any originator key, fresh or reused, so reuse loses nothing
 *     against that attacker;</li>
 * <li>the originator private key never leaves this process's memory (it is not stored, logged or sent) and is
 *     dropped, with its cached secrets, at rotation, which bounds what a memory disclosure could reveal to the
 *     messages of one period.</li>
 * </ul>
 * The RecipientInfo is standard RFC 5753: BC's {@code JceKeyAgreeEnvelopedRecipient} and OpenSSL decrypt it as
 * they would with an ephemeral key.
 *
 * <p>Each recipient certificate is converted once to Bouncy Castle's own certificate and key objects, whose point
 * stays the same from one notice to the next (BC keeps the precomputed multiples of a point on the point instance).
 * The hub seals every receipt for one of a few hundred participants' certificates, so bounded maps are enough.
 * Thread-safe: the hub's intake threads share one encryptor.
 */
public final class BodyEncryptor {
    static final int CACHED_RECIPIENTS = 1024;
    /** How long one originator key serves, unless the constructor says otherwise. */
    public static final Duration DEFAULT_ORIGINATOR_KEY_PERIOD = Duration.ofMinutes(10);

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
            DERNull.INSTANCE);
    static final AlgorithmIdentifier RSA_OAEP_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
            new RSAESOAEPparams(SHA256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<X509Certificate, Recipient> recipients = new ConcurrentHashMap<>();
    private final OriginatorKeys originatorKeys;

    /** The system clock and a new originator key every {@link #DEFAULT_ORIGINATOR_KEY_PERIOD}. */
    public BodyEncryptor() {
        this(Clock.systemUTC(), DEFAULT_ORIGINATOR_KEY_PERIOD);
    }

    /** A new originator key per curve once the current one is {@code originatorKeyPeriod} old by {@code clock}. */
    public BodyEncryptor(Clock clock, Duration originatorKeyPeriod) {
        this(clock, originatorKeyPeriod, CACHED_RECIPIENTS);
    }

    BodyEncryptor(Clock clock, Duration originatorKeyPeriod, int cachedSecretsPerKey) {
        this.originatorKeys = new OriginatorKeys(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(originatorKeyPeriod, "originatorKeyPeriod"), cachedSecretsPerKey, random);
    }

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
                OriginatorKey originator = originatorKeys.forCurve(recipient.curve());
                byte[] sharedSecret = originator.sharedSecret(recipient.certificate(), recipient.ecKey());
                yield new ReusedOriginatorRecipientInfoGenerator(originator, recipient.keyAgreeId(), sharedSecret,
                        random);
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

    int cachedSecrets() {
        return originatorKeys.cachedSecrets();
    }

    /**
     * A recipient certificate as BC's certificate object (which hands out one public key object for its whole
     * life) and, for an EC key, its named curve, the key as BC parameters and its identifier for the
     * KeyAgreeRecipientInfo (issuer and serial number).
     */
    private record Recipient(X509Certificate certificate, KeyKind kind, ASN1ObjectIdentifier curve,
            ECPublicKeyParameters ecKey, KeyAgreeRecipientIdentifier keyAgreeId) {
        static Recipient of(X509Certificate certificate) throws GeneralSecurityException {
            KeyKind kind = KeyKind.of(certificate.getPublicKey());
            X509Certificate bc = new JcaX509CertificateConverter().setProvider(Providers.BC)
                    .getCertificate(new JcaX509CertificateHolder(certificate));
            if (kind != KeyKind.EC) {
                return new Recipient(bc, kind, null, null, null);
            }
            return new Recipient(bc, kind, namedCurve(certificate),
                    (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(bc.getPublicKey()),
                    new KeyAgreeRecipientIdentifier(new IssuerAndSerialNumber(
                            Certificate.getInstance(certificate.getEncoded()))));
        }
    }

    /**
     * The recipient key's curve by name (RFC 5480 allows only named curves): the originator key is generated on
     * BC's named curve, which reuses its precomputed base-point table.
     */
    private static ASN1ObjectIdentifier namedCurve(X509Certificate recipient) throws GeneralSecurityException {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(recipient.getPublicKey().getEncoded());
        if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            throw new InvalidKeyException("the recipient's EC key does not name its curve");
        }
        return curve;
    }
}
