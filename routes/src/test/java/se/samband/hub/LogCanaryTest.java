package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;

/**
 * A notice whose payload holds a marker string and a personnummer, about a child whose pseudonym comes from that
 * personnummer, goes through the hub over the TLS acceptor and the HTTPS API, accepted and refused; no log line
 * (message or stack trace) may hold the marker or the personnummer in any of its forms.
 */
class LogCanaryTest extends HubSpringTest {
    private static final String PERSONNUMMER = "640823-3234";
    private static final List<String> PERSONNUMMER_FORMS =
            List.of("640823-3234", "6408233234", "19640823-3234", "196408233234");

    @LocalServerPort
    int port;

    private final String marker = "CANARY-" + UUID.randomUUID();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        captured.stop();
    }

    @Test
    void neitherPayloadMarkerNorPersonnummerReachesAnyLogLine() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String child = Pseudonymizer.fromBase64(Base64.getEncoder().encodeToString(key))
                .pseudonymize(Personnummer.parse(PERSONNUMMER, java.time.LocalDate.now()));
        byte[] payload = ("{\"note\":\"" + marker + "\",\"child\":\"" + PERSONNUMMER + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HubNotices notices = new HubNotices(PKI_DIR);
        NoticeHeader accepted = HubNotices.childConcern(HubNotices.POLICE_GAVLEBORG, child, HubNotices.SOC_BOLLNAS)
                .build();
        NoticeHeader impersonated = HubNotices.childConcern(HubNotices.POLICE_GAVLEBORG, child,
                HubNotices.SOC_BOLLNAS).build();
        NoticeHeader posted = HubNotices.childConcern(HubNotices.POLICE_GAVLEBORG, child, HubNotices.SOC_BOLLNAS)
                .build();

        try (AgencyClient police = new AgencyClient(HubNotices.POLICE_GAVLEBORG, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient impostor = new AgencyClient(HubNotices.POLICE_JONKOPING, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(HubNotices.SOC_BOLLNAS, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(accepted, payload));
            impostor.submit(notices.seal(impersonated, payload));
            HttpResponse<String> response = HttpClient.newBuilder()
                    .sslContext(AgencyTls.sslContext(AgencyTls.keyStore(PKI_DIR, HubNotices.POLICE_GAVLEBORG),
                            AgencyTls.trustStore(PKI_DIR)))
                    .build()
                    .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/notices"))
                            .header("Content-Type", SealedNotice.MEDIA_TYPE)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(notices.seal(posted, payload))).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);

            List<Message> delivered = social.receive("noticeId = '" + accepted.noticeId() + "'", 20_000);
            assertThat(delivered).hasSize(1);
            assertThat(new String(notices.open(BrokerProbe.body(delivered.get(0)), HubNotices.SOC_BOLLNAS).payload(),
                    StandardCharsets.UTF_8)).contains(marker).contains(PERSONNUMMER);
            assertThat(social.receive("noticeId = '" + posted.noticeId() + "'", 5_000)).hasSize(1);
        }
        // The refusal is logged by the pipeline before its plan is written: its id in a line proves it ran.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> lines().stream().anyMatch(line -> line.contains(impersonated.noticeId().toString())));

        List<String> lines = lines();
        assertThat(lines).as("the test captures the hub's log").isNotEmpty();
        assertThat(lines).anyMatch(line -> line.contains(accepted.noticeId().toString())
                || line.contains(posted.noticeId().toString()) || line.contains(impersonated.noticeId().toString()));
        for (String line : lines) {
            assertThat(line).doesNotContain(marker);
            for (String form : PERSONNUMMER_FORMS) {
                assertThat(line).doesNotContain(form);
            }
        }
    }

    /** Every captured event as text: the formatted message, the arguments, and every throwable in its chain. */
    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(captured.list)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(' ').append(argument);
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
