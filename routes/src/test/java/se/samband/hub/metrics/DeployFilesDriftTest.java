package se.samband.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.yaml.snakeyaml.Yaml;
import se.samband.hub.AgencyClient;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.notice.NoticeHeader;

/**
 * The shipped alert rules (deploy/prometheus/samband-alerts.yml) and Grafana dashboard (deploy/grafana/samband-hub.json)
 * refer only to metrics that a real scrape of the running hub has, so that a renamed metric fails the build instead
 * of silencing an alert. Also checks that the alerts required by default are there with their thresholds.
 */
class DeployFilesDriftTest extends HubSpringTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    /** The hub's own metrics and the JVM's that Micrometer binds (a heap size in a rule is checked the same way). */
    private static final Pattern METRIC = Pattern.compile("\\b(?:samband|jvm)_[a-z0-9_]+");
    /** Series that Prometheus makes itself, not the hub. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @LocalManagementPort
    int managementPort;

    private final HubNotices notices = new HubNotices(PKI_DIR);
    private PrometheusScrape scrape;

    /** Counters appear with their first increment: one delivered notice and one refusal make them all appear. */
    @BeforeEach
    void trafficThenScrape() throws Exception {
        NoticeHeader delivered = HubNotices.childConcern(HubNotices.POLICE_GAVLEBORG, HubNotices.SOC_BOLLNAS).build();
        NoticeHeader forged = HubNotices.childConcern(HubNotices.POLICE_GAVLEBORG, HubNotices.SOC_BOLLNAS).build();
        try (AgencyClient police = new AgencyClient(HubNotices.POLICE_GAVLEBORG, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient impostor = new AgencyClient(HubNotices.POLICE_JONKOPING, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(HubNotices.SOC_BOLLNAS, BROKER_TLS_PORT, PKI_DIR)) {
            police.submit(notices.seal(delivered, "{}".getBytes(StandardCharsets.UTF_8)));
            impostor.submit(notices.seal(forged, "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(social.receive("noticeId = '" + delivered.noticeId() + "'", 20_000)).hasSize(1);
            scrape = await().atMost(Duration.ofSeconds(20)).until(() -> PrometheusScrape.of(managementPort),
                    s -> s.names().containsAll(List.of("samband_notices_out_total", "samband_rejections_total")));
        }
    }

    @Test
    void everyMetricTheAlertRulesNameIsScraped() throws IOException {
        Map<String, String> expressions = alertExpressions();

        assertThat(expressions).isNotEmpty();
        expressions.forEach((alert, expr) -> {
            Set<String> metrics = metricsIn(expr);
            assertThat(metrics).as(alert + " names a hub metric (or up)").isNotEmpty();
            assertThat(scrape.names()).as(alert + ": " + expr).containsAll(withoutPrometheusOwn(metrics));
        });
    }

    @Test
    void theAlertsRequiredByDefaultAreThere() throws IOException {
        Map<String, String> expressions = alertExpressions();

        assertThat(String.join("\n", expressions.values()))
                .contains("samband_queue_added_total{queue=\"samband.hub.dlq\"}")
                .contains("samband_handovers_overdue")
                .contains("samband_certificate_expiry_days < 60")
                .contains("samband_certificate_expiry_days < 14")
                .contains("samband_audit_writer_lag_age_seconds")
                .contains("samband_audit_chain_broken == 1");
        for (Map<String, Object> rule : rules()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            assertThat(labels.get("severity")).as(rule.get("alert").toString()).isIn("warning", "critical");
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsScraped() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/samband-hub.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));

        assertThat(queries).hasSizeGreaterThan(10);
        for (String query : queries) {
            assertThat(metricsIn(query)).as(query).isNotEmpty();
            assertThat(scrape.names()).as(query).containsAll(metricsIn(query));
        }
    }

    private static Set<String> metricsIn(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        PROMETHEUS_OWN.stream().filter(own -> expression.matches("(?s).*\\b" + own + "\\{.*")).forEach(names::add);
        return names;
    }

    private static Set<String> withoutPrometheusOwn(Set<String> names) {
        Set<String> hub = new TreeSet<>(names);
        hub.removeAll(PROMETHEUS_OWN);
        return hub;
    }

    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map<String, Object> rule : rules()) {
            expressions.put(rule.get("alert").toString(), rule.get("expr").toString());
        }
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("prometheus/samband-alerts.yml"))) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }
}
