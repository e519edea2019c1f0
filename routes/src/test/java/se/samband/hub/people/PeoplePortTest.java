package se.samband.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.notice.ParticipantId;

/**
 * The people port against the running hub over real TLS: HTTP Basic and roles on the API, form login with CSRF on the
 * console, and the separation from the agencies' mTLS port (8443) and the management port.
 */
class PeoplePortTest extends HubSpringTest {
    private static final ParticipantId POLICE = ParticipantId.of("polisen.jonkoping");

    @LocalServerPort
    int agencyPort;
    @LocalManagementPort
    int managementPort;

    @Test
    void eachRoleLogsInWithHttpBasicOverTlsWithoutAClientCertificate() {
        HttpResponse<String> operator = operator().get("/api/v1/operator/whoami");
        HttpResponse<String> officer = securityOfficer().get("/api/v1/security/whoami");

        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(PeopleClient.json(operator).path("account").asText()).isEqualTo(PeopleClient.OPERATOR);
        assertThat(PeopleClient.json(operator).path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(officer.statusCode()).isEqualTo(200);
        assertThat(PeopleClient.json(officer).path("roles").toString()).isEqualTo("[\"SECURITY_OFFICER\"]");
    }

    @Test
    void wrongPasswordOrNoLoginIsRefusedWithLoginRequiredAndNoBrowserChallenge() {
        PeopleClient wrongPassword = new PeopleClient(peoplePort.port(), PKI_DIR, PeopleClient.OPERATOR,
                PeopleClient.OPERATOR_PASSWORD + "x");
        PeopleClient unknownAccount = new PeopleClient(peoplePort.port(), PKI_DIR, "nobody", "whatever-password");
        PeopleClient anonymous = new PeopleClient(peoplePort.port(), PKI_DIR, null, null);

        for (PeopleClient client : new PeopleClient[] {wrongPassword, unknownAccount, anonymous}) {
            HttpResponse<String> response = client.get("/api/v1/operator/whoami");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(PeopleClient.json(response).path("code").asText()).isEqualTo("login_required");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void anOperatorCannotUseTheSecurityOfficersApi() {
        HttpResponse<String> response = operator().get("/api/v1/security/whoami");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(PeopleClient.json(response).path("code").asText()).isEqualTo("role_not_permitted");
    }

    @Test
    void aSecurityOfficerCannotUseTheOperatorsApi() {
        HttpResponse<String> response = securityOfficer().postJson("/api/v1/operator/whoami", "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(PeopleClient.json(response).path("code").asText()).isEqualTo("role_not_permitted");
    }

    @Test
    void thePeoplePortServesNoParticipantPathsAndNoActuator() {
        for (String path : new String[] {"/api/v1/whoami", "/api/v1/consents?subject=x", "/v3/api-docs",
                "/actuator/health", "/"}) {
            assertThat(operator().get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(new PeopleClient(peoplePort.port(), PKI_DIR, null, null).get(path).statusCode()).as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void theAgencyPortStillAuthenticatesParticipantsAndHasNoPeoplePaths() throws Exception {
        HttpClient agency = HttpClient.newBuilder()
                .sslContext(AgencyTls.sslContext(AgencyTls.keyStore(PKI_DIR, POLICE), AgencyTls.trustStore(PKI_DIR)))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> whoAmI = agency.send(agencyRequest("/api/v1/whoami").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(PeopleClient.json(whoAmI).path("participant").asText()).isEqualTo(POLICE.value());

        for (String path : new String[] {"/api/v1/operator/whoami", "/api/v1/security/whoami", "/console/login"}) {
            HttpResponse<String> response = agency.send(agencyRequest(path)
                            .header("Authorization", operator().request(path).build().headers()
                                    .firstValue("Authorization").orElseThrow()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theManagementPortStaysOpenOnLoopback() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleLogsInWithAFormAndACsrfTokenAndLogsOut() throws Exception {
        Console console = new Console(peoplePort.port(), PKI_DIR);

        HttpResponse<String> protectedPage = console.get("/console/");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");

        HttpResponse<String> page = console.get("/console/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = hiddenCsrfToken(page.body());
        assertThat(console.cookie("XSRF-TOKEN")).as("the cookie scripts read").isEqualTo(token);

        assertThat(console.post("/console/login", "username=operator&password=" + PeopleClient.OPERATOR_PASSWORD)
                .statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> wrong = console.post("/console/login",
                "username=operator&password=wrong-password&_csrf=" + token);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");

        HttpResponse<String> login = console.post("/console/login",
                "username=operator&password=" + PeopleClient.OPERATOR_PASSWORD + "&_csrf=" + token);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .as("back to the page asked for").matches(".*/console/(\\?continue)?");
        HttpResponse<String> home = console.get("/console/");
        assertThat(home.statusCode()).as("logged in: past security, to the operator's pages").isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/console/operator/");
        assertThat(console.get("/console/operator/queues").statusCode()).as("no such page").isEqualTo(404);
        assertThat(console.get("/console/security/reviews").statusCode()).as("the officer's pages").isEqualTo(403);

        String fresh = console.cookie("XSRF-TOKEN");
        HttpResponse<String> logout = console.post("/console/logout", "_csrf=" + fresh);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?logout");
        assertThat(console.get("/console/").statusCode()).isEqualTo(302);
    }

    @Test
    void aConsoleSessionIsNoLoginForTheApi() throws Exception {
        Console console = new Console(peoplePort.port(), PKI_DIR);
        String token = hiddenCsrfToken(console.get("/console/login").body());
        console.post("/console/login", "username=operator&password=" + PeopleClient.OPERATOR_PASSWORD
                + "&_csrf=" + token);

        assertThat(console.get("/api/v1/operator/whoami").statusCode())
                .as("the API checks no CSRF token, so no cookie may authenticate it").isEqualTo(401);
    }

    private HttpRequest.Builder agencyRequest(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agencyPort + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static String hiddenCsrfToken(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("hidden CSRF field in " + html).isTrue();
        return matcher.group(1);
    }

    /** A browser's part: cookies kept, redirects not followed. */
    private static final class Console {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final int port;

        Console(int port, Path pkiDir) {
            this.port = port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies)
                    .sslContext(AgencyTls.sslContext(null, AgencyTls.trustStore(pkiDir)))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private URI uri(String path) {
            return URI.create("https://127.0.0.1:" + port + path);
        }
    }
}
