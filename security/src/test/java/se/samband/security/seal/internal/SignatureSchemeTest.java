package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

/** Only the schemes Samband writes are accepted: a valid signature with a weaker scheme is still refused. */
class SignatureSchemeTest {
    private static final ParticipantId EC = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId RSA = ParticipantId.of("polisen.gavleborg");
    private static final byte[] HEADER = "{\"noticeId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static DevPki.Result pki;

    private final SignedDataVerifier verifier = new SignedDataVerifier(new SignerCache(8));

    @BeforeAll
    static void createPki() {
        pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults().withRsa(Set.of(RSA)));
    }

    @Test
    void acceptsEcdsaAndRsaPssWithSha256() throws Exception {
        assertThat(verifier.verifyDetached(HEADER, sign(EC, "SHA256withECDSA", true)))
                .isEqualTo(pki.certificate(EC));
        assertThat(verifier.verifyDetached(HEADER, sign(RSA, "SHA256withRSAandMGF1", true)))
                .isEqualTo(pki.certificate(RSA));
    }

    @Test
    void refusesRsaPkcs1v15() throws Exception {
        assertInvalid(sign(RSA, "SHA256withRSA", true));
    }

    @Test
    void refusesDigestsOtherThanSha256() throws Exception {
        assertInvalid(sign(EC, "SHA1withECDSA", true));
        assertInvalid(sign(EC, "SHA512withECDSA", true));
        assertInvalid(sign(RSA, "SHA512withRSAandMGF1", true));
    }

    @Test
    void refusesASignatureWithoutSignedAttributes() throws Exception {
        assertInvalid(sign(EC, "SHA256withECDSA", false));
    }

    private void assertInvalid(byte[] signature) {
        assertThatThrownBy(() -> verifier.verifyDetached(HEADER, signature))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    /** A detached SignedData over HEADER as another CMS implementation might make it. */
    private static byte[] sign(ParticipantId signer, String algorithm, boolean signedAttributes) throws Exception {
        PrivateKeyAccess key = pki.keyAccess(signer, DevPki.DEFAULT_PASSWORD.toCharArray());
        JcaX509CertificateHolder certificate = new JcaX509CertificateHolder(key.certificate());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .setProvider(Providers.BC).build())
                .setDirectSignature(!signedAttributes)
                .build(new JcaContentSignerBuilder(algorithm).setProvider(Providers.BC).build(key.privateKey()),
                        certificate));
        generator.addCertificate(certificate);
        return generator.generate(new CMSProcessableByteArray(HEADER), false).getEncoded(ASN1Encoding.DER);
    }
}
