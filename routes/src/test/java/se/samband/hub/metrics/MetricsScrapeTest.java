package se.samband.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.AgencyClient;
import se.samband.hub.HeldStates;
import se.samband.hub.HubNotices;
import se.samband.hub.HubSpringTest;
import se.samband.hub.held.HeldNotices;
import se.samband.hub.held.HeldTesting;
import se.samband.hub.system.Endpoints;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;

/**
 * Traffic through the running hub (TLS, real pipeline, real audit writer and held store), then
 * {@code /actuator/prometheus} scraped over HTTP on the management port: every count grows by exactly what was
 * sent, the gauges are there with plausible values, and no pseudonym appears anywhere in the scrape.
 */
class MetricsScrapeTest extends HubSpringTest {
    private static final ParticipantId POLICE = HubNotices.POLICE_GAVLEBORG;
    private static final ParticipantId IMPOSTOR = HubNotices.POLICE_JONKOPING;
    private static final ParticipantId SOCIAL = HubNotices.SOC_BOLLNAS;
    private static final ParticipantId FRIVARD = HubNotices.FRIVARD;
    private static final Map<String, String> CHILD_FROM_POLICE = Map.of("type", "CHILD_CONCERN_REPORT",
            "sender_kind", "POLISEN");
    private static final Map<String, String> CHILD_TO_SOCIAL = Map.of("type", "CHILD_CONCERN_REPORT",
            "recipient_kind", "SOCIALTJANST");
    private static final Map<String, String> PERMIT_DUTY = Map.of("outcome", "PERMIT", "basis", "DUTY_CHILD_CONCERN");
    private static final Map<String, String> HOLD_CONSENT = Map.of("outcome", "HOLD", "basis", "CONSENT");
    private static final Map<String, String> SENDER_MISMATCH = Map.of("code", "sender_mismatch");
    private static final Map<String, String> TOO_LARGE = Map.of("code", "notice_too_large");
    private static final Map<String, String> BOLLNAS_INBOX = Map.of("participant", SOCIAL.value(),
            "kind", "SOCIALTJANST");
    private static final Map<String, String> AWAITING_CONSENT = Map.of("reason", "AWAITING_CONSENT");
    private static final Map<String, String> OVERDUE_SOCIAL = Map.of("recipient_kind", "SOCIALTJANST");

    @LocalManagementPort
    int managementPort;
    @Autowired
    StoreGauges storeGauges;
    @Autowired
    HeldNotices heldNotices;
    @Autowired
    AuditChainMonitor chainMonitor;
    @Autowired
    JdbcTemplate jdbc;

    private final HubNotices notices = new HubNotices(PKI_DIR);

    @Test
    void countsGrowByWhatWasSentAndTheGaugesShowQueuesHoldsAndOverdueHandovers() throws Exception {
        storeGauges.refresh();
        PrometheusScrape before = PrometheusScrape.of(managementPort);
        List<NoticeHeader> sent = List.of(HubNotices.childConcern(POLICE, SOCIAL).build(),
                HubNotices.childConcern(POLICE, SOCIAL).build(), HubNotices.childConcern(POLICE, SOCIAL).build());
        NoticeHeader forged = HubNotices.childConcern(POLICE, SOCIAL).build();
        String subject = HubNotices.pseudonym("metrics " + UUID.randomUUID());
        NoticeHeader held = HubNotices.releaseNotice(FRIVARD, SOCIAL, subject, "kvv-none-" + UUID.randomUUID())
                .build();

        try (AgencyClient police = new AgencyClient(POLICE, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient impostor = new AgencyClient(IMPOSTOR, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient frivard = new AgencyClient(FRIVARD, BROKER_TLS_PORT, PKI_DIR);
             AgencyClient social = new AgencyClient(SOCIAL, BROKER_TLS_PORT, PKI_DIR)) {
            for (NoticeHeader header : sent) {
                police.submit(notices.seal(header, "{}".getBytes(StandardCharsets.UTF_8)));
            }
            impostor.submit(notices.seal(forged, "{}".getBytes(StandardCharsets.UTF_8)));
            // Refused unread before the pipeline (RefusalDispatch): over the container limit of 1 MiB.
            police.submit(new byte[1024 * 1024 + 1]);
            frivard.submit(notices.seal(held, "{}".getBytes(StandardCharsets.UTF_8)));
            new HeldStates(jdbc).awaitState(held.noticeId(), "HELD");
            PrometheusScrape after = await().atMost(Duration.ofSeconds(20))
                    .until(() -> PrometheusScrape.of(managementPort), scrape ->
                            delta(before, scrape, "samband_notices_out_total", CHILD_TO_SOCIAL) >= 3
                                    && delta(before, scrape, "samband_rejections_total", SENDER_MISMATCH) >= 1
                                    && delta(before, scrape, "samband_rejections_total", TOO_LARGE) >= 1
                                    && delta(before, scrape, "samband_decisions_total", HOLD_CONSENT) >= 1);

            assertThat(delta(before, after, "samband_notices_in_total", CHILD_FROM_POLICE))
                    .as("three delivered and the forged one, whose sender is a police authority too").isEqualTo(4);
            assertThat(delta(before, after, "samband_notices_in_total",
                    Map.of("type", "RELEASE_CONTACT_CONSENT", "sender_kind", "KRIMINALVARDEN"))).isEqualTo(1);
            assertThat(delta(before, after, "samband_notices_out_total", CHILD_TO_SOCIAL)).isEqualTo(3);
            assertThat(delta(before, after, "samband_decisions_total", PERMIT_DUTY)).isEqualTo(3);
            assertThat(delta(before, after, "samband_decisions_total", HOLD_CONSENT)).isEqualTo(1);
            assertThat(delta(before, after, "samband_rejections_total", SENDER_MISMATCH)).isEqualTo(1);
            assertThat(delta(before, after, "samband_rejections_total", TOO_LARGE))
                    .as("refused before the pipeline, unread").isEqualTo(1);
            assertThat(delta(before, after, "samband_notices_in_total",
                    Map.of("type", "unknown", "sender_kind", "POLISEN"))).isEqualTo(1);
            for (String step : List.of("admit", "dispatch")) {
                assertThat(delta(before, after, "samband_pipeline_step_seconds_count", Map.of("step", step)))
                        .as(step).isEqualTo(5);
            }
            for (String step : List.of("verify", "route", "decide", "plan")) {
                assertThat(delta(before, after, "samband_pipeline_step_seconds_count", Map.of("step", step)))
                        .as(step + ": the forged notice stops in verification").isEqualTo(4);
            }
            // Each delivered notice and each refusal is audited; a batch of them shares a database transaction.
            PrometheusScrape audited = await().atMost(Duration.ofSeconds(20))
                    .until(() -> PrometheusScrape.of(managementPort),
                            scrape -> delta(before, scrape, "samband_audit_writer_entries_total", Map.of()) >= 5);
            double transactions = delta(before, audited, "samband_audit_writer_transactions_total", Map.of());
            assertThat(transactions).isGreaterThanOrEqualTo(1)
                    .isLessThanOrEqualTo(delta(before, audited, "samband_audit_writer_entries_total", Map.of()));
            // Counted before the commit's callbacks run, which the counts awaited above come from.
            double inboxMessages = delta(before, after, "samband_intake_messages_total", Map.of());
            assertThat(inboxMessages).as("the six inbox messages, each committed once").isEqualTo(6);
            assertThat(delta(before, after, "samband_intake_transactions_total", Map.of()))
                    .isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(inboxMessages);
            assertThat(after.samples("samband_pipeline_step_seconds_bucket", Map.of("step", "verify")))
                    .as("a histogram, for percentiles in Grafana").hasSizeGreaterThan(5);
            assertThat(delta(before, after, "samband_agency_inbox_messages", BOLLNAS_INBOX))
                    .as("the three copies wait on the recipient's inbox").isEqualTo(3);
            assertThat(after.value("samband_agency_inbox_oldest_age_seconds", BOLLNAS_INBOX)).get()
                    .satisfies(age -> assertThat(age).isGreaterThanOrEqualTo(0.0).isLessThan(3600.0));

            for (NoticeHeader header : sent) {
                assertThat(social.receive("noticeId = '" + header.noticeId() + "'", 5_000)).hasSize(1);
            }
            assertThat(delta(before, PrometheusScrape.of(managementPort), "samband_agency_inbox_messages",
                    BOLLNAS_INBOX)).as("taken off the inbox").isZero();

            storeGauges.refresh();
            PrometheusScrape holding = PrometheusScrape.of(managementPort);
            assertThat(delta(before, holding, "samband_notices_held", AWAITING_CONSENT)).isEqualTo(1);

            // The hold's window ends: the sender gets HOLD_EXPIRED and the handover is overdue.
            jdbc.update("UPDATE held_notice SET hold_until = ? WHERE notice_id = ?",
                    Timestamp.from(Instant.now().minusSeconds(1)), held.noticeId().toString());
            HeldTesting.expireDue(heldNotices);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                    "SELECT state FROM handover WHERE notice_id = ?", String.class, held.noticeId()),
                    states -> states.contains("OVERDUE"));
            storeGauges.refresh();
            PrometheusScrape expired = PrometheusScrape.of(managementPort);
            assertThat(delta(before, expired, "samband_notices_held", AWAITING_CONSENT)).isZero();
            assertThat(delta(before, expired, "samband_handovers_overdue", OVERDUE_SOCIAL)).isEqualTo(1);
            assertThat(frivard.receive("type = 'ESCALATION' AND inReplyTo = '" + held.noticeId() + "'", 10_000))
                    .hasSize(1);
            police.receive("inReplyTo IS NOT NULL", 300);
        }
    }

    @Test
    void gaugesForQueuesCertificatesAndTheAuditTrailAreThere() throws Exception {
        chainMonitor.verifyNow();
        PrometheusScrape scrape = PrometheusScrape.of(managementPort);

        for (String queue : Endpoints.HUB_QUEUES) {
            assertThat(scrape.value("samband_queue_messages", Map.of("queue", queue))).as(queue).get()
                    .satisfies(depth -> assertThat(depth).isGreaterThanOrEqualTo(0.0));
            assertThat(scrape.value("samband_queue_oldest_age_seconds", Map.of("queue", queue))).as(queue).isPresent();
            assertThat(scrape.value("samband_queue_added_total", Map.of("queue", queue))).as(queue).isPresent();
        }
        assertThat(scrape.value("samband_audit_writer_lag_events", Map.of())).get()
                .satisfies(lag -> assertThat(lag).isGreaterThanOrEqualTo(0.0));
        assertThat(scrape.value("samband_audit_writer_lag_age_seconds", Map.of())).isPresent();
        // The dev PKI issues certificates for a year (or so): days left is positive and below that.
        for (ParticipantId participant : List.of(POLICE, SOCIAL, ParticipantId.HUB)) {
            assertThat(scrape.value("samband_certificate_expiry_days", Map.of("participant", participant.value())))
                    .as(participant.value()).get()
                    .satisfies(days -> assertThat(days).isGreaterThan(30.0).isLessThan(4000.0));
        }
        assertThat(scrape.value("samband_certificate_expiry_days",
                Map.of("participant", POLICE.value(), "kind", "POLISEN"))).isPresent();
        assertThat(scrape.valueOrZero("samband_audit_chain_verifications_total", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("samband_audit_chain_verification_failures_total", Map.of())).contains(0.0);
        assertThat(scrape.value("samband_audit_chain_broken", Map.of())).contains(0.0);
        assertThat(scrape.samples("samband_handovers_overdue", Map.of())).hasSize(6);
        assertThat(scrape.text()).as("no pseudonym in any label").doesNotContain("ps1:");
    }

    @Test
    void theWatchGaugeShowsHowLongTheOldestDueHandoverHasWaited() throws Exception {
        UUID notice = UUID.randomUUID();
        // As the audit writer leaves a delivered handover whose respond-by time passed an hour ago, with the watch
        // off (as in this test context): nobody escalated it. No other handover of this context is that old.
        jdbc.update("INSERT INTO handover (notice_id, recipient, sender, notice_type, state, respond_by, updated_at,"
                + " watch_due) VALUES (?, ?, ?, 'CHILD_CONCERN_REPORT', 'DELIVERED', ?, ?, ?)", notice,
                SOCIAL.value(), POLICE.value(), hourAgo(), hourAgo(), hourAgo());
        try {
            storeGauges.refresh();
            assertThat(PrometheusScrape.of(managementPort).value("samband_watch_oldest_due_age_seconds", Map.of()))
                    .get().satisfies(age -> assertThat(age).isBetween(3_600.0, 3_900.0));
        } finally {
            jdbc.update("DELETE FROM handover WHERE notice_id = ?", notice);
        }
    }

    private static OffsetDateTime hourAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
                                Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }
}
