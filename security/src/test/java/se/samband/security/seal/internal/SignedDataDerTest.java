package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.ParticipantId;

/**
 * {@link SignedDataDer} writes the same bytes as Bouncy Castle's own generator and DER encoder: each signature made by
 * {@link CmsSigner} is taken apart and its signer info given to {@code CMSSignedDataGenerator} with the same
 * certificate and content; the two encodings must be equal byte for byte, for EC and RSA signers, detached and
 * encapsulated, and for contents whose lengths need the short and the one-, two- and three-byte long forms.
 */
class SignedDataDerTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 127, 128, 255, 256, 2_048, 65_535, 65_536, 300_000})
    void encapsulatedAsBouncyCastleWritesIt(int size) throws Exception {
        for (ParticipantId id : List.of(InternalTestPki.EC_SIGNER, InternalTestPki.RSA_SIGNER)) {
            byte[] content = content(size);
            byte[] ours = InternalTestPki.signer(id).signEncapsulated(content);
            assertThat(ours).isEqualTo(bouncyCastle(ours, content, true, id));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2_048, 300_000})
    void detachedAsBouncyCastleWritesIt(int size) throws Exception {
        for (ParticipantId id : List.of(InternalTestPki.EC_SIGNER, InternalTestPki.RSA_SIGNER)) {
            byte[] content = content(size);
            byte[] ours = InternalTestPki.signer(id).signDetached(content);
            assertThat(ours).isEqualTo(bouncyCastle(ours, content, false, id));
            assertThat(InternalTestPki.signerInfo(ours, content).verify(
                    new JcaSimpleSignerInfoVerifierBuilder()
                            .setProvider(Providers.BC).build(InternalTestPki.holder(id)))).isTrue();
        }
    }

    @Test
    void lengthsInShortAndLongForm() {
        for (int length : new int[] {0, 1, 127, 128, 255, 256, 65_535, 65_536, 16_777_215, 16_777_216}) {
            byte[] value = new byte[length];
            byte[] ours = SignedDataDer.tlv(0x04, value);
            ASN1OctetString parsed = ASN1OctetString.getInstance(ours);
            assertThat(parsed.getOctets()).hasSize(length);
            assertThat(ours).isEqualTo(der(new DEROctetString(value)));
        }
    }

    @Test
    void partsAreWrittenInOrder() {
        byte[] ours = SignedDataDer.tlv(0x30, new byte[] {1, 2}, new byte[0], new byte[] {3});
        assertThat(ours).containsExactly(0x30, 3, 1, 2, 3);
    }

    /** Bouncy Castle's DER of a SignedData with the signer info of {@code signed}, the certificate and content. */
    private static byte[] bouncyCastle(byte[] signed, byte[] content, boolean encapsulate, ParticipantId id)
            throws Exception {
        CMSSignedData parsed = encapsulate ? new CMSSignedData(signed)
                : new CMSSignedData(new CMSProcessableByteArray(content), signed);
        if (encapsulate) {
            assertThat((byte[]) parsed.getSignedContent().getContent()).isEqualTo(content);
        }
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSigners(new SignerInformationStore(parsed.getSignerInfos().getSigners()));
        generator.addCertificate(InternalTestPki.holder(id));
        return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded(ASN1Encoding.DER);
    }

    private static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    private static byte[] der(DEROctetString value) {
        try {
            return value.getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
