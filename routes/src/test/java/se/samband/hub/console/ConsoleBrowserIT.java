package se.samband.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyClient;
import se.samband.hub.BrokerProbe;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.PeopleClient;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RouteIds;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;

/**
 * The console in headless Chromium against one running hub (the shared test context, with its people port): an
 * operator sees a held notice and an overdue handover appear after real traffic, and replays a dead letter from the
 * page; a security officer verifies the audit chain and downloads an export; neither can open the other's pages.
 * Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends HubSpringTest {
    private static final ParticipantId FRIVARD = PipelineFixture.FRIVARD;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;

    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate jdbc;

    private final HubNotices notices = new HubNotices(PKI_DIR);
    private ConsoleBrowser browser;

    @BeforeAll
    void openBrowser() throws Exception {
        ConsoleBrowser.requireChromium();
        // The shared context leaves the respond-by watch off (see HubSpringTest); the overdue handover needs it.
        camel.getRouteController().startRoute(RouteIds.WATCH_RESPOND_BY);
        browser = new ConsoleBrowser(peoplePort.port());
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        camel.getRouteController().stopRoute(RouteIds.WATCH_RESPOND_BY);
    }

    @Test
    @Order(1)
    void operatorSeesAHeldNoticeAndAnOverdueHandoverAppearAfterTraffic() throws Exception {
        browser.logOut();
        browser.logIn(PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);
        assertThat(browser.currentPath()).startsWith("/console/operator/");
        rendered("backlog");
        long[] social = counts(SOCIAL);
        long[] frivard = counts(FRIVARD);
        long[] police = counts(POLICE);

        // A notice that waits for a consent nobody registered (held for the social services), and one to the social
        // services whose respond-by time passes without an acceptance (overdue there).
        Instant respondBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        NoticeHeader overdue = HubNotices.childConcern(POLICE, SOCIAL).respondBy(respondBy).build();
        try (AgencyClient frivardClient = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient policeClient = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR)) {
            frivardClient.submit(notices.seal(heldNotice(), payload()));
            policeClient.submit(notices.seal(overdue, payload()));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open("/console/operator/");
            rendered("backlog");
            long[] now = counts(SOCIAL);
            return now[0] == social[0] + 1 && now[2] == social[2] + 1;
        });
        assertThat(counts(FRIVARD)[1]).as("held from the sender").isEqualTo(frivard[1] + 1);
        assertThat(counts(POLICE)[3]).as("overdue from the sender").isEqualTo(police[3] + 1);
        assertThat(Long.parseLong(browser.find(By.cssSelector("[data-tile=held] .n")).getText())).isPositive();
        assertThat(Long.parseLong(browser.find(By.cssSelector("[data-tile=overdue] .n")).getText())).isPositive();
        assertThat(shownRow("participants", POLICE.value())).isNotEmpty();
        assertNoPseudonyms();
        assertNoErrorShown();
        browser.screenshot("operator-overview");

        browser.open("/console/operator/routes.html");
        assertThat(shownRow("routes", RouteIds.INTAKE_INBOX)).contains("Started");
        assertNoErrorShown();
        browser.screenshot("operator-routes");
        browser.open("/console/operator/queues.html");
        assertThat(shownRow("hub-queues", Endpoints.HUB_INBOX)).isNotEmpty();
        assertNoErrorShown();
        browser.screenshot("operator-queues");
    }

    @Test
    @Order(2)
    void operatorReplaysADeadLetterFromThePage() throws Exception {
        browser.logOut();
        browser.logIn(PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);
        UUID noticeId = UUID.randomUUID();
        String inbox = Endpoints.agencyInbox(SOCIAL);
        new QueuedCopies(connectionFactory, POLICE).deadLetter(inbox, noticeId);

        browser.open("/console/operator/parked.html");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open("/console/operator/parked.html");
            browser.find(By.cssSelector("#dlq"));
            return browser.pageText().contains(noticeId.toString());
        });
        browser.screenshot("operator-dead-letters");
        var replay = browser.find(By.xpath("//div[@id='dlq']//tr[td[contains(., '" + noticeId + "')]]"
                + "//button[@data-action='replay']"));
        replay.click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Replayed"));
        assertThat(browser.find(By.id("flash")).getText()).contains(noticeId.toString()).contains(inbox);
        assertThat(browser.find(By.id("dlq")).getText()).doesNotContain(noticeId.toString());

        List<Message> back = new BrokerProbe(connectionFactory, broker).drainNotice(inbox, noticeId, 10_000);
        assertThat(back).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("SELECT actor FROM audit_entry"
                + " WHERE type = 'DLQ_REPLAYED' AND notice_id = ?", String.class, noticeId),
                actors -> actors.equals(List.of("operator:" + PeopleClient.OPERATOR)));
    }

    @Test
    @Order(3)
    void operatorCannotOpenTheSecurityPages() {
        browser.logOut();
        browser.logIn(PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);
        for (String page : List.of("/console/security/", "/console/security/chain.html")) {
            browser.open(page);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("403");
        }
        browser.screenshot("operator-forbidden");
    }

    @Test
    @Order(4)
    void securityOfficerVerifiesTheChainAndExports() throws Exception {
        browser.logOut();
        browser.logIn(PeopleClient.SECURITY_OFFICER, PeopleClient.SECURITY_OFFICER_PASSWORD);
        assertThat(browser.currentPath()).startsWith("/console/security/");
        browser.find(By.id("disclosures"));
        browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#disclosures tr"), 1));
        assertNoPseudonyms();
        assertNoErrorShown();
        browser.screenshot("security-disclosures");

        browser.open("/console/security/reviews.html");
        rendered("reviews");
        assertNoErrorShown();
        browser.screenshot("security-reviews");

        browser.open("/console/security/chain.html");
        browser.find(By.id("verify")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "intact"));
        assertThat(browser.find(By.id("verification")).getText()).contains("intact");
        browser.find(By.id("export")).click();
        Path export = await().atMost(Duration.ofSeconds(30)).until(() -> downloaded(browser.downloads()),
                path -> path != null);
        assertThat(Files.size(export)).isPositive();
        browser.screenshot("security-chain");

        for (String page : List.of("/console/operator/", "/console/operator/parked.html")) {
            browser.open(page);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("403");
        }
    }

    /** The text of each cell of the row whose data-key is {@code key} in the table under {@code #container}. */
    private List<String> row(String container, String key) {
        return cells(container, key);
    }

    /** Waits until the page's script has filled the container (a table, or the line saying it is empty). */
    private void rendered(String container) {
        browser.find(By.cssSelector("#" + container + " table, #" + container + " .empty"));
    }

    /** As {@link #row} once the page's script has shown that row. */
    private List<String> shownRow(String container, String key) {
        browser.find(By.cssSelector("#" + container + " tr[data-key='" + key + "']"));
        return cells(container, key);
    }

    private List<String> cells(String container, String key) {
        return browser.findAll(By.cssSelector("#" + container + " tr[data-key='" + key + "'] td")).stream()
                .map(cell -> cell.getText().trim()).toList();
    }

    /** Held for, held from, overdue at, overdue from: the participant's backlog row as the page shows it. */
    private long[] counts(ParticipantId participant) {
        List<String> cells = row("backlog", participant.value());
        if (cells.isEmpty()) {
            return new long[4];
        }
        return cells.subList(1, 5).stream().mapToLong(Long::parseLong).toArray();
    }

    /** No call of the page failed (the page says so in its notice line). */
    private void assertNoErrorShown() {
        assertThat(browser.findAll(By.cssSelector("#flash.err"))).as(browser.pageText()).isEmpty();
    }

    private void assertNoPseudonyms() {
        assertThat(browser.driver().getPageSource()).doesNotContain("ps1:");
    }

    private static Path downloaded(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
        }
    }

    private static NoticeHeader heldNotice() {
        return HubNotices.releaseNotice(FRIVARD, SOCIAL, PipelineFixture.pseudonym("browser " + UUID.randomUUID()),
                "kvv-never-" + UUID.randomUUID()).build();
    }

    private static byte[] payload() {
        return ("{\"browser\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
