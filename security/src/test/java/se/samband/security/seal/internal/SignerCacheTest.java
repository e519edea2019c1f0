package se.samband.security.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

class SignerCacheTest {
    @TempDir
    static Path dir;
    static List<X509CertificateHolder> certificates;

    @BeforeAll
    static void createPki() throws Exception {
        DevPki.Result pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), dir,
                DevPki.Options.defaults());
        certificates = List.of(
                new JcaX509CertificateHolder(pki.certificate(ParticipantId.of("socialtjanst.bollnas"))),
                new JcaX509CertificateHolder(pki.certificate(ParticipantId.of("polisen.gavleborg"))),
                new JcaX509CertificateHolder(pki.certificate(ParticipantId.of("region.utvag-skaraborg"))));
    }

    @Test
    void reusesTheVerifierBuiltForACertificate() throws Exception {
        SignerCache cache = new SignerCache(8);

        KnownSigner first = cache.get(certificates.get(0));
        KnownSigner again = cache.get(new X509CertificateHolder(certificates.get(0).getEncoded()));

        assertThat(again).isSameAs(first);
        assertThat(first.certificate().getEncoded()).isEqualTo(certificates.get(0).getEncoded());
        assertThat(first.keyKind()).isEqualTo(KeyKind.EC);
    }

    @Test
    void neverHoldsMoreSignersThanItsCapacity() throws Exception {
        SignerCache cache = new SignerCache(2);

        for (X509CertificateHolder certificate : certificates) {
            cache.get(certificate);
        }
        KnownSigner evictedOrNot = cache.get(certificates.get(0));

        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(evictedOrNot.certificate().getEncoded()).isEqualTo(certificates.get(0).getEncoded());
    }
}
