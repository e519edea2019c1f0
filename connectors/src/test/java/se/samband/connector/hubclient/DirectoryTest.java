package se.samband.connector.hubclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;
import se.samband.security.pki.TrustAnchors;

/**
 * The directory client against a stub of the hub's directory API (the contract of the rules file): it resolves,
 * checks certificates, and answers from its stored copy while the hub cannot be reached.
 */
class DirectoryTest {
    private static final ParticipantId BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId JONKOPING = ParticipantId.of("socialtjanst.jonkoping");

    @TempDir
    static Path pkiDir;
    private static DevPki.Result pki;

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private HttpServer stub;
    private Directory directory;

    @BeforeAll
    static void createPki() {
        pki = DevPki.init(new FederationLoader().load(Path.of("../deploy/demo/federation.yaml")), pkiDir,
                DevPki.Options.defaults());
    }

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String answer = answers.get(exchange.getRequestURI().toString());
            byte[] body = (answer == null ? "{\"code\":\"participant_unknown\"}" : answer)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:directory-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/connector").load().migrate();
        HubApi hub = new HubApi(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()),
                SSLContext.getDefault());
        directory = new Directory(hub, new JdbcTemplate(dataSource),
                new CertificateValidator(TrustAnchors.load(pkiDir), Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stopStub() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void resolvesRecipientsAndChecksTheirCertificates() {
        answers.put("/api/v1/directory/participants?kind=SOCIALTJANST&municipality=2183",
                "{\"participants\":[{\"id\":\"socialtjanst.bollnas\",\"kind\":\"SOCIALTJANST\"}]}");
        answers.put("/api/v1/directory/participants/socialtjanst.bollnas/certificate",
                Pem.encode(pki.certificate(BOLLNAS)));

        var query = new RecipientQuery(ParticipantKind.SOCIALTJANST, "2183", null, null, null);
        assertThat(directory.resolve(query)).containsExactly(BOLLNAS);
        assertThat(directory.certificate(BOLLNAS)).isEqualTo(pki.certificate(BOLLNAS));
    }

    @Test
    void refusesACertificateThatNamesAnotherParticipant() {
        answers.put("/api/v1/directory/participants/socialtjanst.bollnas/certificate",
                Pem.encode(pki.certificate(JONKOPING)));
        assertThatThrownBy(() -> directory.certificate(BOLLNAS)).isInstanceOfSatisfying(SambandException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_UNTRUSTED));
    }

    @Test
    void anUnknownParticipantIsRefusedAndAnEmptyAnswerIsEmpty() {
        answers.put("/api/v1/directory/participants?kind=POLISEN&region=99", "{\"participants\":[]}");
        assertThat(directory.resolve(new RecipientQuery(ParticipantKind.POLISEN, null, "99", null, null))).isEmpty();
        assertThatThrownBy(() -> directory.certificate(ParticipantId.of("socialtjanst.nowhere")))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_UNKNOWN));
    }

    @Test
    void answersFromItsStoredCopyWhileTheHubIsDown() {
        answers.put("/api/v1/directory/participants?kind=SOCIALTJANST&municipality=0680",
                "{\"participants\":[{\"id\":\"socialtjanst.jonkoping\"}]}");
        answers.put("/api/v1/directory/participants/socialtjanst.jonkoping/certificate",
                Pem.encode(pki.certificate(JONKOPING)));
        var query = new RecipientQuery(ParticipantKind.SOCIALTJANST, "0680", null, null, null);
        directory.resolve(query);
        directory.certificate(JONKOPING);

        stub.stop(0);
        stub = null;

        assertThat(directory.resolve(query)).isEqualTo(List.of(JONKOPING));
        assertThat(directory.certificate(JONKOPING)).isEqualTo(pki.certificate(JONKOPING));
        assertThatThrownBy(() -> directory.resolve(new RecipientQuery(ParticipantKind.SOCIALTJANST, "2183", null,
                null, null))).isInstanceOf(HubUnreachable.class);
    }
}
