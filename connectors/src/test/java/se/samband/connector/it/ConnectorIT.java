package se.samband.connector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Two connectors against the real hub (its packaged jar in its own JVM): Frivården Gävle with the file drop, its
 * runnable jar in its own JVM so that it can be killed; Bollnäs social services delivering to a folder, in the test
 * JVM. The round trip submit -> deliver -> RECEIVED -> ACCEPTED, held and released notices, escalation, the release
 * list file drop, and the outbox through hub downtime and a kill -9. Everything is observed through the connectors'
 * own APIs; nothing peeks into the hub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorIT {
    private static final String FRIVARDEN = "kriminalvarden.frivard-gavle";
    private static final String BOLLNAS = "socialtjanst.bollnas";
    private static final String PERSONNUMMER = "640823-3234";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static HubProcess hub;
    /** Frivården's connector: its runnable jar as a process, so that the outbox test can kill it. */
    private static ConnectorProcess frivarden;
    private static ConnectorApi bollnas;
    private static Path frivardenData;
    private static Path dropFolder;
    private static Path caseSystemFolder;
    private static String consentId;
    /** Every log line of the connector in the test JVM (Bollnäs), read by the canary test at the end. */
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void startHubAndConnectors() throws Exception {
        Path root = HubProcess.newDataDir("connector-it");
        hub = new HubProcess(Files.createDirectories(root.resolve("hub")));
        hub.start();
        dropFolder = Files.createDirectories(root.resolve("drop"));
        caseSystemFolder = root.resolve("case-system-inbox");
        frivardenData = root.resolve("frivarden");
        frivarden = new ConnectorProcess(FRIVARDEN, hub, frivardenData,
                "--samband.connector.file-drop.enabled=true",
                "--samband.connector.file-drop.folder=" + dropFolder,
                "--samband.connector.file-drop.poll-interval=300ms");
        frivarden.start();
        bollnas = new LocalConnector(BOLLNAS, hub, root.resolve("bollnas"),
                "--samband.connector.delivery.mode=FOLDER",
                "--samband.connector.delivery.folder=" + caseSystemFolder,
                "--samband.connector.delivery.poll-interval=200ms");
        // attached after the connectors started: Spring Boot resets Logback when an application starts
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        consentId = "it-consent-" + UUID.randomUUID().toString().substring(0, 8);
        registerConsent(consentId);
    }

    private static void registerConsent(String id) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ConnectorApi.Answer registered = frivarden.post("/api/v1/consents", """
                {"consentId":"%s","personnummer":"%s","givenBy":"SELF","recordedByFunction":"Frivardsinspektor",
                 "form":"WRITTEN","evidenceRef":"kv-form-17","senders":["%s"],"recipients":["%s"],
                 "noticeTypes":["RELEASE_CONTACT_CONSENT","RELEASE_EFFECTED"],
                 "dataCategories":["RELEASE_INFORMATION","CONTACT_DETAILS"],"purposes":["SUPPORT_CONTACT"],
                 "validFrom":"%s","validTo":"%s"}""".formatted(id, PERSONNUMMER, FRIVARDEN, BOLLNAS,
                now.minus(1, ChronoUnit.DAYS), now.plus(180, ChronoUnit.DAYS)));
        assertThat(registered.status()).as("consent registered through the connector: %s", registered.body())
                .isEqualTo(201);
        assertThat(registered.body().path("subjectPseudonym").asText()).startsWith("ps1:");
        assertThat(registered.body().toString()).doesNotContain("640823", "196408233234");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {frivarden, bollnas, hub}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static String release(String type, String caseRef) {
        return release(type, caseRef, consentId, "");
    }

    private static String release(String type, String caseRef, String consent, String extra) {
        return """
                {"type":"%s","recipient":{"kind":"SOCIALTJANST","municipality":"2183"},
                 "subject":{"personnummer":"%s","role":"PERPETRATOR"},"purpose":"SUPPORT_CONTACT",
                 "dataCategories":["RELEASE_INFORMATION","CONTACT_DETAILS"],"legalBasis":"CONSENT",
                 "consentId":"%s","caseRef":"%s",%s"payload":{"plannedRelease":"2026-12-01","contact":"070-1234567"}}"""
                .formatted(type, PERSONNUMMER, consent, caseRef, extra);
    }

    private static JsonNode status(String noticeId) throws Exception {
        ConnectorApi.Answer answer = frivarden.get("/api/v1/notices/" + noticeId);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static String outcome(String noticeId) throws Exception {
        return status(noticeId).path("recipients").path(0).path("outcome").asText();
    }

    /** Every item in Bollnäs' inbox, paging through the pull API. */
    private static List<JsonNode> bollnasInbox() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = bollnas.get("/api/v1/inbox?after=" + cursor + "&limit=3").body();
            if (page.path("items").isEmpty()) {
                return items;
            }
            page.path("items").forEach(items::add);
            cursor = page.path("next").asText();
        }
    }

    private static List<String> history(JsonNode status) {
        List<String> events = new ArrayList<>();
        status.path("history").forEach(e -> events.add(e.path("event").asText()));
        return events;
    }

    @Test
    @Order(1)
    void submittedNoticeIsDeliveredReceivedAndAccepted() throws Exception {
        ConnectorApi.Answer submitted = frivarden.post("/api/v1/notices",
                release("RELEASE_CONTACT_CONSENT", "kv-round-trip"));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
        String id = submitted.body().path("noticeId").asText();
        assertThat(submitted.body().path("status").asText()).isEqualTo("QUEUED");

        await().atMost(WAIT).until(() -> outcome(id), "RECEIVED"::equals);
        JsonNode item = bollnasInbox().stream().filter(i -> i.path("noticeId").asText().equals(id)).findFirst()
                .orElseThrow();
        assertThat(item.path("sender").asText()).isEqualTo(FRIVARDEN);
        assertThat(item.path("state").asText()).isEqualTo("NEW");
        assertThat(item.path("consentId").asText()).isEqualTo(consentId);
        assertThat(item.at("/payload/persons/0/personnummer").asText()).isEqualTo("196408233234");
        assertThat(item.at("/subjects/0/pseudonym").asText()).isEqualTo(item.at("/payload/persons/0/pseudonym")
                .asText()).startsWith("ps1:");
        assertThat(item.at("/payload/fields/plannedRelease").asText()).isEqualTo("2026-12-01");
        await().atMost(WAIT).until(() -> Files.exists(caseSystemFolder.resolve(id + ".json")));

        ConnectorApi.Answer accepted = bollnas.post("/api/v1/inbox/" + id + "/accept", "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(bollnas.post("/api/v1/inbox/" + id + "/decline", "{\"reason\":\"NOT_OUR_CASE\"}").body()
                .path("code").asText()).isEqualTo("notice_already_answered");

        await().atMost(WAIT).until(() -> status(id).path("status").asText(), "ACCEPTED"::equals);
        JsonNode finalStatus = status(id);
        assertThat(finalStatus.path("recipients").path(0).path("participant").asText()).isEqualTo(BOLLNAS);
        assertThat(history(finalStatus)).containsSubsequence("QUEUED", "SUBMITTED", "DELIVERED", "RECEIVED",
                "ACCEPTED");
        assertThat(finalStatus.toString()).doesNotContain("640823", "196408233234");
    }

    @Test
    @Order(2)
    void noticeHeldForItsConsentIsReleasedWhenTheConsentIsRegistered() throws Exception {
        String later = "it-later-" + UUID.randomUUID().toString().substring(0, 8);
        ConnectorApi.Answer submitted = frivarden.post("/api/v1/notices",
                release("RELEASE_CONTACT_CONSENT", "kv-held", later, ""));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
        String id = submitted.body().path("noticeId").asText();
        await().atMost(WAIT).until(() -> status(id).path("status").asText(), "HELD"::equals);
        assertThat(status(id).path("recipients").path(0).path("reason").asText()).isEqualTo("AWAITING_CONSENT");

        registerConsent(later);

        await().atMost(WAIT).until(() -> outcome(id), "RECEIVED"::equals);
        assertThat(history(status(id))).containsSubsequence("SUBMITTED", "HELD", "HOLD_RELEASED", "RECEIVED");
    }

    @Test
    @Order(3)
    void riskFlagSetAndClearedThroughTheConnectorHoldsAndReleasesTheNotice() throws Exception {
        String until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(30, ChronoUnit.DAYS).toString();
        ConnectorApi.Answer flag = bollnas.post("/api/v1/risk-flags", """
                {"personnummer":"%s","until":"%s","reasonCode":"CONTACT_ENDANGERS_VICTIM"}"""
                .formatted(PERSONNUMMER, until));
        assertThat(flag.status()).as("%s", flag.body()).isEqualTo(201);
        assertThat(flag.body().toString()).doesNotContain("640823");
        String flagId = flag.body().path("flagId").asText();
        ConnectorApi.Answer flags = bollnas.post("/api/v1/risk-flags/search",
                "{\"personnummer\":\"" + PERSONNUMMER + "\"}");
        assertThat(flags.status()).isEqualTo(200);
        assertThat(flags.body().toString()).contains(flagId);

        String id = frivarden.post("/api/v1/notices", release("RELEASE_CONTACT_CONSENT", "kv-flagged")).body()
                .path("noticeId").asText();
        await().atMost(WAIT).until(() -> status(id).path("status").asText(), "HELD"::equals);
        assertThat(status(id).path("recipients").path(0).path("reason").asText()).isEqualTo("RISK_FLAG_ACTIVE");

        ConnectorApi.Answer cleared = bollnas.delete("/api/v1/risk-flags/" + flagId);
        assertThat(cleared.status()).as("%s", cleared.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> outcome(id), "RECEIVED"::equals);
    }

    @Test
    @Order(4)
    void overdueNoticeIsEscalatedToSenderAndContactAndCanStillBeDeclined() throws Exception {
        String respondBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8).toString();
        ConnectorApi.Answer submitted = frivarden.post("/api/v1/notices", release("RELEASE_EFFECTED",
                "kv-overdue", consentId, "\"respondBy\":\"" + respondBy + "\","));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
        String id = submitted.body().path("noticeId").asText();

        await().atMost(WAIT).until(() -> outcome(id), "ESCALATED"::equals);
        assertThat(status(id).path("recipients").path(0).path("reason").asText()).isEqualTo("RESPOND_BY_PASSED");
        assertThat(status(id).path("status").asText()).isEqualTo("ESCALATED");
        // Bollnäs is its own escalation contact: the hub's escalation is in its inbox as information
        await().atMost(WAIT).until(() -> bollnasInbox().stream().anyMatch(i -> i.path("type").asText()
                .equals("ESCALATION") && i.path("inReplyTo").asText().equals(id)));

        assertThat(bollnas.post("/api/v1/inbox/" + id + "/decline", "{\"reason\":\"Not a code\"}").status())
                .isEqualTo(422);
        assertThat(bollnas.post("/api/v1/inbox/" + id + "/decline", "{\"reason\":\"NOT_OUR_CASE\"}").status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> outcome(id), "DECLINED"::equals);
        assertThat(status(id).path("recipients").path(0).path("reason").asText()).isEqualTo("NOT_OUR_CASE");
    }

    @Test
    @Order(5)
    void releaseListRowsAreSubmittedAndBadRowsReportedWithoutTheirValues() throws Exception {
        String csv = """
                noticeType;personnummer;consentId;municipality;releaseDate;releaseTime;caseRef;contactChannel
                RELEASE_CONTACT_CONSENT;%1$s;%2$s;2183;2026-12-01;;kv-drop-1;"Frivården; handläggare"
                RELEASE_EFFECTED;640823-3235;%2$s;2183;2026-12-01;09:30;kv-drop-2;
                RELEASE_EFFECTED;%1$s;%2$s;2183;1 december;;kv-drop-3;
                RELEASE_EFFECTED;%1$s;%2$s;9999;2026-12-01;;kv-drop-4;
                RELEASE_EFFECTED;%1$s;%2$s;2183;2026-12-01;08:00;kv-drop-5;phone
                """.formatted(PERSONNUMMER, consentId);
        Path temp = Files.writeString(dropFolder.resolve(".release-list.tmp"), csv, StandardCharsets.UTF_8);
        Files.move(temp, dropFolder.resolve("release-list.csv"));

        Path errors = dropFolder.resolve("errors").resolve("release-list.csv.errors.csv");
        await().atMost(WAIT).until(() -> Files.exists(errors));
        assertThat(Files.readAllLines(errors)).containsExactly("row;column;reason", "3;personnummer;checksum",
                "4;releaseDate;invalid_format", "5;row;no_recipient_found");
        assertThat(Files.readString(errors)).doesNotContain("640823", "1 december");
        await().atMost(WAIT).until(() -> !Files.exists(dropFolder.resolve("release-list.csv")));
        try (Stream<Path> processed = Files.list(dropFolder.resolve("processed"))) {
            assertThat(processed.map(p -> p.getFileName().toString()))
                    .singleElement().satisfies(name -> assertThat(name).startsWith("release-list-").endsWith(".csv"));
        }

        await().atMost(WAIT).until(() -> bollnasInbox().stream().map(i -> i.path("caseRef").asText())
                .filter(ref -> ref.startsWith("kv-drop-")).sorted().toList(), refs -> refs.equals(
                List.of("kv-drop-1", "kv-drop-5")));
        JsonNode effected = bollnasInbox().stream().filter(i -> i.path("caseRef").asText().equals("kv-drop-5"))
                .findFirst().orElseThrow();
        assertThat(effected.path("type").asText()).isEqualTo("RELEASE_EFFECTED");
        assertThat(effected.at("/payload/fields/releaseTime").asText()).isEqualTo("08:00");
        assertThat(effected.at("/payload/persons/0/personnummer").asText()).isEqualTo("196408233234");
    }

    @Test
    @Order(6)
    void outboxKeepsNoticesThroughHubDowntimeAndAKilledConnectorAndDeliversEachExactlyOnce() throws Exception {
        hub.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ConnectorApi.Answer answer = frivarden.post("/api/v1/notices", release("RELEASE_EFFECTED",
                    "kv-outbox-" + i));
            assertThat(answer.status()).as("accepted while the hub is down: %s", answer.body()).isEqualTo(202);
            ids.add(answer.body().path("noticeId").asText());
        }
        frivarden.kill();
        frivarden.start();
        for (String id : ids) {
            assertThat(status(id).path("status").asText()).as("kept through kill -9").isEqualTo("QUEUED");
        }

        hub.start();

        for (String id : ids) {
            await().atMost(WAIT).until(() -> outcome(id), "RECEIVED"::equals);
        }
        Map<String, Long> copies = bollnasInbox().stream().map(i -> i.path("noticeId").asText())
                .filter(ids::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).hasSize(ids.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        for (String id : ids) {
            List<String> events = history(status(id));
            assertThat(events).filteredOn("SUBMITTED"::equals).hasSize(1);
            assertThat(events).filteredOn("DELIVERED"::equals).hasSize(1);
            assertThat(events).doesNotContain("REJECTED", "REPLAY_REFUSED");
        }
    }

    @Test
    @Order(7)
    void badInputIsRefusedByFieldAndRuleAndNoPersonalDataReachesALog() throws Exception {
        ConnectorApi.Answer refused = frivarden.post("/api/v1/notices", release("RELEASE_EFFECTED", "kv-bad")
                .replace(PERSONNUMMER, "640823-3235").replace("\"purpose\":\"SUPPORT_CONTACT\",", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("submission_invalid");
        assertThat(refused.body().path("problems").toString())
                .contains("{\"code\":\"checksum\",\"field\":\"/subject/personnummer\"}",
                        "{\"code\":\"missing\",\"field\":\"/purpose\"}")
                .doesNotContain("640823");
        assertThat(frivarden.get("/api/v1/notices/" + UUID.randomUUID()).status()).isEqualTo(404);
        ConnectorApi.Answer tooLarge = bollnas.post("/api/v1/notices", release("RELEASE_EFFECTED", "kv-large")
                .replace("\"contact\":\"070-1234567\"", "\"note\":\"" + "x".repeat(1_100_000) + "\""));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().path("code").asText()).isEqualTo("notice_too_large");

        List<String> markers = List.of("640823", "196408233234", "070-1234567", "handläggare");
        List<String> lines = new ArrayList<>();
        List<ILoggingEvent> events;
        synchronized (LOGS) {
            events = List.copyOf(LOGS.list);
        }
        for (ILoggingEvent event : events) {
            lines.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        for (Path dir : List.of(hub.dataDir, frivardenData)) {
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                    lines.addAll(Files.readAllLines(log));
                }
            }
        }
        assertThat(events).as("the connectors logged").isNotEmpty();
        assertThat(lines).noneMatch(line -> markers.stream().anyMatch(line::contains));
    }
}
