package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.ParticipantCertificates;
import se.samband.security.pki.Pem;

/** The directory API over real mTLS with the hub's dev PKI: what a connector asks before it seals. */
class DirectoryApiTest extends HubSpringTest {
    private static final ParticipantId CALLER = ParticipantId.of("kriminalvarden.frivard-gavle");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void resolvesSocialServicesOfAMunicipality() throws Exception {
        JsonNode found = json(get("/api/v1/directory/participants?kind=SOCIALTJANST&municipality=2183", CALLER));

        assertThat(ids(found)).containsExactly("socialtjanst.bollnas");
        JsonNode bollnas = found.path("participants").get(0);
        assertThat(bollnas.path("kind").asText()).isEqualTo("SOCIALTJANST");
        assertThat(bollnas.path("displayName").asText()).contains("Trygghetens hus");
        assertThat(bollnas.path("municipalities").get(0).asText()).isEqualTo("2183");
        assertThat(bollnas.path("services").toString()).contains("JOINT_UNIT");
        assertThat(bollnas.path("delivery").asText()).isEqualTo("JMS");
        assertThat(bollnas.has("hsaId")).isFalse();
        assertThat(bollnas.path("certificateUrl").asText())
                .isEqualTo("https://127.0.0.1:" + port + "/api/v1/directory/participants/socialtjanst.bollnas/certificate");
    }

    @Test
    void aMunicipalityIsServedThroughItsCountyToo() throws Exception {
        JsonNode police = json(get("/api/v1/directory/participants?kind=POLISEN&municipality=1383", CALLER));

        assertThat(ids(police)).containsExactly("polisen.halland");
    }

    @Test
    void resolvesByRegionAndServiceAndHsaId() throws Exception {
        assertThat(ids(json(get("/api/v1/directory/participants?kind=HALSO_SJUKVARD&region=21", CALLER))))
                .containsExactlyInAnyOrder("region.gavleborg-psykiatri", "region.bollnas-halsocentral");
        assertThat(ids(json(get("/api/v1/directory/participants?kind=HALSO_SJUKVARD&region=21&service=PSYCHIATRY",
                CALLER)))).containsExactly("region.gavleborg-psykiatri");
        JsonNode utvag = json(get("/api/v1/directory/participants?kind=HALSO_SJUKVARD&hsaId=SE2321000131-UTVAG1",
                CALLER));
        assertThat(ids(utvag)).containsExactly("region.utvag-skaraborg");
        assertThat(utvag.path("participants").get(0).path("hsaId").asText()).isEqualTo("SE2321000131-UTVAG1");
        assertThat(ids(json(get("/api/v1/directory/participants?kind=SAMVERKAN&municipality=1383"
                + "&service=GROUP_PROGRAMME", CALLER)))).containsExactly("samverkan.halland-gruppprogram");
    }

    @Test
    void findsNobodyWhereNoParticipantServes() throws Exception {
        HttpResponse<String> response = get("/api/v1/directory/participants?kind=SOCIALTJANST&municipality=0180",
                CALLER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(json(response))).isEmpty();
    }

    @Test
    void showsOneParticipant() throws Exception {
        JsonNode psychiatry = json(get("/api/v1/directory/participants/region.gavleborg-psykiatri", CALLER));

        assertThat(psychiatry.path("id").asText()).isEqualTo("region.gavleborg-psykiatri");
        assertThat(psychiatry.path("hsaId").asText()).isEqualTo("SE2321000198-PSYK01");
        assertThat(psychiatry.path("regions").get(0).asText()).isEqualTo("21");
    }

    @Test
    void servesTheParticipantsCertificateAsPem() throws Exception {
        HttpResponse<String> response = get("/api/v1/directory/participants/socialtjanst.bollnas/certificate",
                CALLER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-pem-file"));
        X509Certificate certificate = Pem.parseCertificate(response.body());
        assertThat(ParticipantCertificates.participantId(certificate))
                .contains(ParticipantId.of("socialtjanst.bollnas"));
        assertThat(certificate).isEqualTo(Pem.readCertificate(
                new DevPki.Layout(PKI_DIR).participantCertificate(ParticipantId.of("socialtjanst.bollnas"))));
    }

    @Test
    void anUnknownParticipantIsParticipantUnknown() throws Exception {
        for (String path : List.of("/api/v1/directory/participants/socialtjanst.nowhere",
                "/api/v1/directory/participants/socialtjanst.nowhere/certificate",
                "/api/v1/directory/participants/samband.hub",
                "/api/v1/directory/participants/NOT%20AN%20ID")) {
            HttpResponse<String> response = get(path, CALLER);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).path("code").asText()).as(path).isEqualTo("participant_unknown");
        }
    }

    @Test
    void aQueryWithoutAKnownKindOrWithMalformedCodesIsRefused() throws Exception {
        for (String query : List.of("", "?kind=", "?kind=BAKERY", "?kind=SOCIALTJANST&municipality=21",
                "?kind=SOCIALTJANST&region=99", "?kind=HALSO_SJUKVARD&hsaId=not-hsa", "?kind=POLISEN&service=a%20b")) {
            HttpResponse<String> response = get("/api/v1/directory/participants" + query, CALLER);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).path("code").asText()).as(query).isEqualTo("directory_query_invalid");
        }
    }

    @Test
    void theHubIsNeverListed() throws Exception {
        assertThat(ids(json(get("/api/v1/directory/participants?kind=HUB", CALLER)))).isEmpty();
    }

    @Test
    void onlyParticipantsWithAClientCertificateMayAsk() {
        assertThatThrownBy(() -> send("/api/v1/directory/participants?kind=POLISEN", null))
                .isInstanceOf(IOException.class);
    }

    private HttpResponse<String> get(String path, ParticipantId caller) throws IOException, InterruptedException {
        return send(path, AgencyTls.keyStore(PKI_DIR, caller));
    }

    private HttpResponse<String> send(String path, Path keyStore) throws IOException, InterruptedException {
        SSLContext tls = AgencyTls.sslContext(keyStore, AgencyTls.trustStore(PKI_DIR));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode found) {
        List<String> ids = new ArrayList<>();
        found.path("participants").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }
}
