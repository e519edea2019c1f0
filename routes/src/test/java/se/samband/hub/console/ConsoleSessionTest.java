package se.samband.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.hub.system.RouteIds;

/**
 * The console as a browser uses it, without a browser (shared context): form login, each role sent to its pages and
 * refused the other's, the JSON APIs through {@code /console/api/**} on the login session, with the CSRF token for
 * changes. The browser itself is ConsoleBrowserIT's.
 */
class ConsoleSessionTest extends HubSpringTest {

    @Test
    void anOperatorGetsTheOperatorPagesAndTheirApiButNotTheSecurityPages() throws Exception {
        Session operator = Session.logIn(peoplePort.port(), PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);

        assertThat(operator.get("/console/", "text/html").headers().firstValue("Location").orElseThrow())
                .endsWith("/console/operator/");
        HttpResponse<String> overview = operator.get("/console/operator/", "text/html");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>");
        HttpResponse<String> backlog = operator.get("/console/api/operator/backlog", "application/json");
        assertThat(backlog.statusCode()).as(backlog.body()).isEqualTo(200);
        assertThat(backlog.body()).startsWith("[");
        assertThat(operator.get("/console/me", "application/json").body()).contains("\"account\":\"operator\"");

        String suspend = "/console/api/operator/routes/" + RouteIds.INTAKE_INBOX + "/suspend";
        assertThat(operator.post(suspend, false).statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> suspended = operator.post(suspend, true);
        HttpResponse<String> resumed = operator.post("/console/api/operator/routes/" + RouteIds.INTAKE_INBOX
                + "/resume", true);
        assertThat(suspended.body()).contains("\"state\":\"Suspended\"");
        assertThat(resumed.body()).contains("\"state\":\"Started\"");

        HttpResponse<String> securityPage = operator.get("/console/security/", "text/html");
        assertThat(securityPage.statusCode()).isEqualTo(403);
        assertThat(securityPage.body()).contains("403");
        assertThat(operator.get("/console/security/chain.html", "text/html").statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/api/security/reviews", "application/json").statusCode()).isEqualTo(403);
    }

    @Test
    void aSecurityOfficerGetsTheSecurityPagesAndTheExportButNotTheOperatorPages() throws Exception {
        Session officer = Session.logIn(peoplePort.port(), PeopleClient.SECURITY_OFFICER,
                PeopleClient.SECURITY_OFFICER_PASSWORD);

        assertThat(officer.get("/console/", "text/html").headers().firstValue("Location").orElseThrow())
                .endsWith("/console/security/");
        assertThat(officer.get("/console/security/", "text/html").body()).contains("<h1>Disclosures</h1>");
        HttpResponse<String> verification = officer.post("/console/api/security/audit/verification", true);
        assertThat(verification.body()).contains("\"ok\":true");
        HttpResponse<String> export = officer.get("/console/api/security/audit/export?format=csv", "text/csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");

        assertThat(officer.get("/console/operator/", "text/html").statusCode()).isEqualTo(403);
        assertThat(officer.get("/console/operator/parked.html", "text/html").statusCode()).isEqualTo(403);
        assertThat(officer.get("/console/api/operator/dlq", "application/json").statusCode()).isEqualTo(403);
    }

    @Test
    void thePagesConcurrentCallsAllGetTheirAnswers() throws Exception {
        Session operator = Session.logIn(peoplePort.port(), PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);
        List<String> paths = List.of("/console/api/operator/backlog", "/console/api/operator/participants",
                "/console/api/operator/queues", "/console/me");
        for (int round = 0; round < 5; round++) {
            List<CompletableFuture<HttpResponse<String>>> calls = paths.stream()
                    .map(path -> operator.getAsync(path, "application/json")).toList();
            for (int i = 0; i < paths.size(); i++) {
                HttpResponse<String> response = calls.get(i).get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(paths.get(i) + " " + response.headers().map())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void withoutALoginEveryPageLeadsToTheLoginPage() throws Exception {
        Session nobody = new Session(peoplePort.port());
        for (String path : new String[] {"/console/operator/", "/console/api/operator/dlq", "/console/me"}) {
            HttpResponse<String> response = nobody.get(path, "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/console/login");
        }
    }

    /** A browser's part: cookies kept, redirects not followed. */
    private static final class Session {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final int port;

        Session(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies)
                    .sslContext(AgencyTls.sslContext(null, AgencyTls.trustStore(PKI_DIR)))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        static Session logIn(int port, String username, String password) throws Exception {
            Session session = new Session(port);
            String page = session.get("/console/login", "text/html").body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();
            HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                            + "&_csrf=" + token.group(1))));
            assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return session;
        }

        HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
        }

        CompletableFuture<HttpResponse<String>> getAsync(String path, String accept) {
            return http.sendAsync(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A POST as the console's scripts send it: with the cookie's CSRF token as a header, or without. */
        HttpResponse<String> post(String path, boolean withToken) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (withToken) {
                request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                        .orElseThrow());
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("https://127.0.0.1:" + port + path);
        }
    }
}
