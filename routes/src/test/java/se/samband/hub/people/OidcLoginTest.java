package se.samband.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samband.hub.TestSupport;
import se.samband.hub.web.PeoplePort;

/**
 * {@code samband.people.auth=oidc}: the people API as a JWT resource server, with the hub's real filter chains and a
 * key pair made here ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}; in production the
 * issuer's JWK set). A small context of its own, on plain HTTP (the people port's TLS is the same in both modes and
 * is tested in PeoplePortTest): the web server's port is the people port here.
 */
@SpringBootTest(classes = OidcLoginTest.PeopleApiOnly.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"samband.people.auth=oidc", "samband.people.roles-claim=groups",
            "server.ssl.enabled=false"})
class OidcLoginTest {
    private static final KeyPair ISSUER = rsa();
    private static final KeyPair STRANGER = rsa();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = TestSupport.newDataDir("oidc").resolve("issuer.pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aTokenWithTheOfficerRoleReachesTheOfficersApiUnderItsUserName() throws Exception {
        HttpResponse<String> response = get("/api/v1/security/whoami",
                token(ISSUER, List.of("SECURITY_OFFICER"), Instant.now().plusSeconds(300)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"account\":\"k.berg\"").contains("\"roles\":[\"SECURITY_OFFICER\"]");
    }

    @Test
    void theRolesOfTheTokenDecideAndNoRoleMeansNothing() throws Exception {
        String operator = token(ISSUER, List.of("OPERATOR"), Instant.now().plusSeconds(300));
        String none = token(ISSUER, List.of("SOMETHING_ELSE"), Instant.now().plusSeconds(300));

        assertThat(get("/api/v1/operator/whoami", operator).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/security/whoami", operator).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/security/whoami", operator).body()).contains("role_not_permitted");
        assertThat(get("/api/v1/operator/whoami", none).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredOrForeignTokenOrAPasswordIsNoLogin() throws Exception {
        String expired = token(ISSUER, List.of("SECURITY_OFFICER"), Instant.now().minusSeconds(300));
        String foreign = token(STRANGER, List.of("SECURITY_OFFICER"), Instant.now().plusSeconds(300));

        for (HttpResponse<String> response : List.of(get("/api/v1/security/whoami", expired),
                get("/api/v1/security/whoami", foreign), get("/api/v1/security/whoami", null),
                send(HttpRequest.newBuilder(uri("/api/v1/security/whoami")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("security:whatever-password".getBytes()))))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("login_required");
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String token(KeyPair key, List<String> groups, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer("https://login.example.se/realms/samband").subject("5c1e7a52-6d2f-4e0b-9d57-0f7e3c1a2b44")
                .claim("preferred_username", "k.berg").claim("groups", groups)
                .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The web layer, Spring Security with the hub's people chains and the people whoami; nothing else. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class})
    @EnableConfigurationProperties(PeopleProperties.class)
    @Import({PeopleSecurityConfiguration.class, PeopleWhoAmIController.class})
    static class PeopleApiOnly {

        @Bean
        PeoplePort peoplePort() {
            return new PeoplePort(0);
        }

        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> webServerIsThePeoplePort(PeoplePort port) {
            return event -> port.bind(event.getWebServer().getPort());
        }
    }
}
