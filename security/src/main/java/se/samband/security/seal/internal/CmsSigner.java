package se.samband.security.seal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * Makes CMS SignedData with one participant's key: detached over the header bytes, or with the payload
 * encapsulated for the body. Signed attributes: content type, message digest, signing time (from the
 * injected clock) and CMS algorithm protection; the signer's certificate is included. Thread-safe:
 * every call builds its own JCA signature object.
 */
public final class CmsSigner {
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final SignedDataDer der;
    private final PrivateKey privateKey;
    private final Provider provider;
    private final SignatureScheme scheme;
    private final DigestCalculatorProvider digests;
    private final Clock clock;
    private volatile SigningTime signingTime;

    public CmsSigner(PrivateKeyAccess key, Clock clock) {
        try {
            this.certificate = key.certificate();
            this.certificateHolder = new JcaX509CertificateHolder(certificate);
            this.der = new SignedDataDer(certificate.getEncoded());
            this.scheme = SignatureScheme.forKey(certificate.getPublicKey());
            // Converted once into the signing provider's own key object: a JDK key would be translated on every
            // signature. EC keys are signed natively where BoringSSL is available (NativeEc), else by BC.
            Optional<PrivateKey> nativeKey = scheme == SignatureScheme.ECDSA_SHA256
                    ? NativeEc.privateKey(key.privateKey()) : Optional.empty();
            if (nativeKey.isPresent()) {
                this.provider = NativeEc.provider().orElseThrow();
                this.privateKey = nativeKey.get();
            } else {
                this.provider = Providers.forPrivateKey(key.privateKey());
                this.privateKey = provider == Providers.BC
                        ? BouncyCastleProvider.getPrivateKey(PrivateKeyInfo.getInstance(key.privateKey().getEncoded()))
                        : key.privateKey();
            }
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.JDK_DIGEST).build();
            this.clock = clock;
        } catch (CertificateEncodingException | IOException | OperatorCreationException e) {
            throw new IllegalArgumentException("the signing key cannot be used", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A DER SignedData over {@code content} without the content (the detached header signature). */
    public byte[] signDetached(byte[] content) throws CMSException {
        return der.encode(signerInfo(content), null);
    }

    /** A DER SignedData that carries {@code content} (the inner signature of the body). */
    public byte[] signEncapsulated(byte[] content) throws CMSException {
        return der.encode(signerInfo(content), content);
    }

    /**
     * The one SignerInfo over {@code content}, as {@code CMSSignedDataGenerator} makes it (content type id-data,
     * the signed attributes of {@link #signedAttributes()}); the SignedData around it is {@link SignedDataDer}'s.
     */
    private SignerInfo signerInfo(byte[] content) throws CMSException {
        try {
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(scheme.jcaName());
            if (provider != null) {
                signerBuilder.setProvider(provider);
            }
            ContentSigner contentSigner = signerBuilder.build(privateKey);
            SignerInfoGenerator generator = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(signedAttributes())
                    .build(contentSigner, certificateHolder);
            try (OutputStream out = generator.getCalculatingOutputStream()) {
                out.write(content);
            }
            return generator.generate(CMSObjectIdentifiers.data);
        } catch (OperatorCreationException | IOException e) {
            throw new CMSException("cannot sign", e);
        }
    }

    /**
     * The signing time has a resolution of one second (UTCTime), and BC formats it with a new SimpleDateFormat for
     * every {@link Time}: that was a seventh of a signature's cost. ASN.1 objects are immutable, so the attribute
     * table of the current second is made once and shared by every signature within it.
     */
    private CMSAttributeTableGenerator signedAttributes() {
        long second = clock.instant().getEpochSecond();
        SigningTime current = signingTime;
        if (current == null || current.epochSecond() != second) {
            Attribute attribute = new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(Instant.ofEpochSecond(second)))));
            current = new SigningTime(second, new AttributeTable(attribute));
            signingTime = current;
        }
        return new DefaultSignedAttributeTableGenerator(current.attributes());
    }

    /** The signed attributes of one second. */
    private record SigningTime(long epochSecond, AttributeTable attributes) {
    }
}
