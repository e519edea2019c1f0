package se.samband.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.hub.trust.PkiFederationTrust;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/** The HTTPS API with client certificates, over real TLS with the hub's dev PKI and the JDK's HTTP client. */
class WhoAmIOverMutualTlsTest extends HubSpringTest {
    private static final ParticipantId POLICE = ParticipantId.of("polisen.jonkoping");

    @LocalServerPort
    int port;
    @Autowired
    PkiFederationTrust trust;

    @Test
    void answersWithTheParticipantOfTheClientCertificate() throws Exception {
        HttpResponse<String> response = whoAmI(AgencyTls.keyStore(PKI_DIR, POLICE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).path("participant").asText())
                .isEqualTo(POLICE.value());
    }

    @Test
    void refusesAClientWithoutACertificateInTheHandshake() {
        assertThatThrownBy(() -> whoAmI(null)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesACertificateFromAnotherCaInTheHandshake() {
        Path foreign = AgencyTls.keyStore(AgencyTls.foreignPki(), POLICE);

        assertThatThrownBy(() -> whoAmI(foreign)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesARevokedCertificateWithTheErrorBody() throws Exception {
        Path crl = new DevPki.Layout(PKI_DIR).crl();
        byte[] original = Files.readAllBytes(crl);
        try {
            DevPki.revoke(PKI_DIR, REVOCATION_VICTIM, AgencyTls.PASSWORD.toCharArray(), Clock.systemUTC());
            assertThat(trust.reloadCrls()).isTrue();

            HttpResponse<String> response = whoAmI(AgencyTls.keyStore(PKI_DIR, REVOCATION_VICTIM));

            assertThat(response.statusCode()).isEqualTo(403);
            JsonNode error = new ObjectMapper().readTree(response.body());
            assertThat(error.path("code").asText()).isEqualTo("certificate_revoked");
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(error.has("noticeId")).isTrue();
        } finally {
            Files.write(crl, original);
            trust.reloadCrls();
        }
    }

    private HttpResponse<String> whoAmI(Path keyStore) throws IOException, InterruptedException {
        SSLContext tls = AgencyTls.sslContext(keyStore, AgencyTls.trustStore(PKI_DIR));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/whoami"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
