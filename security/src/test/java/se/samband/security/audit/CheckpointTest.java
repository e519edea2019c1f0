package se.samband.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.security.audit.AuditFixtures.CLOCK;
import static se.samband.security.audit.AuditFixtures.EXPIRED;
import static se.samband.security.audit.AuditFixtures.HUB;
import static se.samband.security.audit.AuditFixtures.NOW;
import static se.samband.security.audit.AuditFixtures.RSA_SIGNER;
import static se.samband.security.audit.AuditFixtures.STRANGER;
import static se.samband.security.audit.AuditFixtures.password;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;

class CheckpointTest {
    private static DevPki.Result pki;
    private static ChainHead head;

    @BeforeAll
    static void createPkiAndChain() {
        pki = AuditFixtures.sharedPki();
        List<AuditEntry> chain = AuditFixtures.chain(12);
        head = chain.get(11).head();
    }

    private static PrivateKeyAccess key(ParticipantId id) {
        return pki.keyAccess(id, password());
    }

    private static CheckpointVerifier trusting(ParticipantId... ids) {
        return new CheckpointVerifier(Arrays.stream(ids).map(pki::certificate).toList());
    }

    @Test
    void ecCheckpointIsAStandardEcdsaSignatureOverTheDocumentedContent() throws Exception {
        Checkpoint checkpoint = new CheckpointSigner(key(HUB), CLOCK).sign(head);

        assertThat(checkpoint.position()).isEqualTo(12);
        assertThat(checkpoint.headHash()).isEqualTo(head.hash());
        assertThat(checkpoint.signedAt()).isEqualTo(NOW);
        assertThat(checkpoint.signedContent()).isEqualTo(auditorContent(checkpoint));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(pki.certificate(HUB).getPublicKey());
        jdk.update(auditorContent(checkpoint));
        assertThat(jdk.verify(checkpoint.signature())).isTrue();
        assertThat(trusting(HUB).verifies(checkpoint)).isTrue();
    }

    @Test
    void rsaCheckpointIsRsassaPssNotPkcs1() throws Exception {
        Checkpoint checkpoint = new CheckpointSigner(key(RSA_SIGNER), CLOCK).sign(head);
        X509Certificate certificate = pki.certificate(RSA_SIGNER);

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(certificate.getPublicKey());
        pss.update(auditorContent(checkpoint));
        assertThat(pss.verify(checkpoint.signature())).isTrue();
        Signature pkcs1 = Signature.getInstance("SHA256withRSA");
        pkcs1.initVerify(certificate.getPublicKey());
        pkcs1.update(auditorContent(checkpoint));
        assertThat(pkcs1.verify(checkpoint.signature())).isFalse();
        assertThat(trusting(RSA_SIGNER).verifies(checkpoint)).isTrue();
    }

    @Test
    void keyIdIsTheSha256OfTheSignerCertificate() throws Exception {
        X509Certificate certificate = pki.certificate(HUB);
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        CheckpointSigner signer = new CheckpointSigner(key(HUB), CLOCK);
        assertThat(signer.keyId()).isEqualTo(expected);
        assertThat(signer.sign(head).signerKeyId()).isEqualTo(expected);
    }

    @Test
    void rejectsATamperedSignature() {
        Checkpoint good = new CheckpointSigner(key(HUB), CLOCK).sign(head);
        byte[] signature = good.signature();
        signature[signature.length / 2] ^= 0x01;
        Checkpoint tampered = new Checkpoint(good.position(), good.headHash(), good.signedAt(), good.signerKeyId(),
                signature);
        byte[] truncated = Arrays.copyOf(good.signature(), 10);
        Checkpoint malformed = new Checkpoint(good.position(), good.headHash(), good.signedAt(), good.signerKeyId(),
                truncated);

        assertThat(trusting(HUB).verifies(tampered)).isFalse();
        assertThat(trusting(HUB).verifies(malformed)).isFalse();
    }

    @Test
    void rejectsASignatureMovedToAnotherHashPositionOrTime() {
        Checkpoint good = new CheckpointSigner(key(HUB), CLOCK).sign(head);
        byte[] otherHash = good.headHash();
        otherHash[0] ^= 0x01;
        CheckpointVerifier verifier = trusting(HUB);

        assertThat(verifier.verifies(new Checkpoint(good.position(), otherHash, good.signedAt(), good.signerKeyId(),
                good.signature()))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(good.position() + 1, good.headHash(), good.signedAt(),
                good.signerKeyId(), good.signature()))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(good.position(), good.headHash(), good.signedAt().plusMillis(1),
                good.signerKeyId(), good.signature()))).isFalse();
    }

    @Test
    void rejectsACheckpointFromAKeyThatIsNotTrustedForTheAudit() {
        Checkpoint byStranger = new CheckpointSigner(key(STRANGER), CLOCK).sign(head);
        assertThat(trusting(HUB).verifies(byStranger)).isFalse();
        // Claiming the hub's key id does not help: the stranger's signature does not verify with the hub's key.
        Checkpoint impersonating = new Checkpoint(byStranger.position(), byStranger.headHash(), byStranger.signedAt(),
                new CheckpointSigner(key(HUB), CLOCK).keyId(), byStranger.signature());
        assertThat(trusting(HUB).verifies(impersonating)).isFalse();
        assertThat(trusting(HUB, STRANGER).verifies(byStranger)).isTrue();
    }

    @Test
    void rejectsACheckpointSignedWhileItsCertificateWasNotValid() {
        Checkpoint afterExpiry = new CheckpointSigner(key(EXPIRED), CLOCK).sign(head);
        assertThat(trusting(EXPIRED).verifies(afterExpiry)).isFalse();
    }

    @Test
    void refusesToSignWithAKeyThatDoesNotBelongToItsCertificate() {
        PrivateKeyAccess hub = key(HUB);
        PrivateKey strangersKey = key(STRANGER).privateKey();
        PrivateKeyAccess mismatched = new PrivateKeyAccess() {
            @Override
            public PrivateKey privateKey() {
                return strangersKey;
            }

            @Override
            public X509Certificate certificate() {
                return hub.certificate();
            }

            @Override
            public List<X509Certificate> chain() {
                return hub.chain();
            }
        };
        assertThatThrownBy(() -> new CheckpointSigner(mismatched, CLOCK).sign(head))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_CHECKPOINT_FAILED));
    }

    @Test
    void refusesToSignTheEmptyChain() {
        assertThatThrownBy(() -> new CheckpointSigner(key(HUB), CLOCK).sign(ChainHead.GENESIS))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_CHECKPOINT_FAILED));
    }

    @Test
    void refusesAMalformedCheckpointRecord() {
        Checkpoint good = new CheckpointSigner(key(HUB), CLOCK).sign(head);
        assertThatThrownBy(() -> new Checkpoint(0, good.headHash(), NOW, good.signerKeyId(), good.signature()))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID));
        assertThatThrownBy(() -> new Checkpoint(1, new byte[31], NOW, good.signerKeyId(), good.signature()))
                .isInstanceOf(SambandException.class);
        assertThatThrownBy(() -> new Checkpoint(1, good.headHash(), NOW, "CN=hub", good.signature()))
                .isInstanceOf(SambandException.class);
        assertThatThrownBy(() -> new Checkpoint(1, good.headHash(), NOW, good.signerKeyId(), new byte[0]))
                .isInstanceOf(SambandException.class);
    }

    /** The signed content as AUDIT-EVENTS.md specifies it, written without the production encoder. */
    private static byte[] auditorContent(Checkpoint checkpoint) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("SAMBAND-AUDIT-CHECKPOINT".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(1);
        out.writeByte(1);
        out.writeInt(8);
        out.writeLong(checkpoint.position());
        out.writeByte(2);
        out.writeInt(32);
        out.write(checkpoint.headHash());
        out.writeByte(3);
        out.writeInt(8);
        out.writeLong(checkpoint.signedAt().toEpochMilli());
        byte[] keyId = checkpoint.signerKeyId().getBytes(StandardCharsets.UTF_8);
        out.writeByte(4);
        out.writeInt(keyId.length);
        out.write(keyId);
        return bytes.toByteArray();
    }
}
