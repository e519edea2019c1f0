package se.samband.security.seal.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * Decrypts the AES-256-GCM content of an AuthEnvelopedData with the JDK's cipher (AES-NI, CLMUL). BC's own
 * content helper looks the GCM parameters up by OID, which the JDK's provider does not offer, so it would
 * force BC's slower software AES. BC still parses the structure, unwraps the key and appends the mac to the
 * stream it hands us; a wrong tag fails the read.
 */
final class JdkGcmDecryptor implements InputAEADDecryptor {
    private final AlgorithmIdentifier algorithm;
    private final Cipher cipher;
    private InputStream source;

    private JdkGcmDecryptor(AlgorithmIdentifier algorithm, Cipher cipher) {
        this.algorithm = algorithm;
        this.cipher = cipher;
    }

    static JdkGcmDecryptor of(Key contentKey, AlgorithmIdentifier algorithm) throws CMSException {
        if (!CMSAlgorithm.AES256_GCM.equals(algorithm.getAlgorithm())) {
            throw new CMSException("content encryption is not AES-256-GCM");
        }
        try {
            GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", Providers.JDK_AES);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey.getEncoded(), "AES"),
                    new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
            return new JdkGcmDecryptor(algorithm, cipher);
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new CMSException("cannot set up AES-GCM", e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream encrypted) {
        this.source = encrypted;
        return new CipherInputStream(encrypted, cipher);
    }

    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                cipher.updateAAD(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                cipher.updateAAD(bytes, offset, length);
            }
        };
    }

    @Override
    public byte[] getMAC() {
        return source instanceof InputStreamWithMAC withMac ? withMac.getMAC() : null;
    }
}
