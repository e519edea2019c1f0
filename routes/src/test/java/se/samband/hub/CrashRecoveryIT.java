package se.samband.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.samband.notice.NoticeHeader;
import se.samband.notice.ParticipantId;

/**
 * The hub as its own JVM is killed with SIGKILL while 2,000 notices stream in over TLS from several senders to
 * several recipients, and restarted on the same data directory. The senders behave like connectors with an
 * outbox: a send that failed is sent again after the restart (so the hub also sees resends). Afterwards every
 * notice reached its recipient exactly once, every decision has exactly one audit entry, and
 * {@code samband audit verify} passes; an edited audit row is then reported at its position.
 */
class CrashRecoveryIT {
    private static final int NOTICES = 2_000;
    private static final int KILL_AFTER = 700;
    /** Pairs whose notices the demo federation permits: child-concern reports on the duty to report. */
    private static final List<ParticipantId[]> PAIRS = List.of(
            new ParticipantId[] {HubNotices.POLICE_GAVLEBORG, HubNotices.SOC_BOLLNAS},
            new ParticipantId[] {HubNotices.POLICE_JONKOPING, HubNotices.SOC_JONKOPING},
            new ParticipantId[] {HubNotices.POLICE_JONKOPING, HubNotices.SOC_BOLLNAS},
            new ParticipantId[] {HubNotices.POLICE_GAVLEBORG, HubNotices.SOC_JONKOPING});

    private HubProcess hub;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedHubRestartsAndDeliversEveryNoticeExactlyOnceWithAnIntactAuditTrail() throws Exception {
        hub = new HubProcess(TestSupport.newDataDir("crash"));
        hub.start();
        HubNotices notices = new HubNotices(hub.pkiDir());
        Map<UUID, ParticipantId> expected = new LinkedHashMap<>();
        List<byte[]> containers = new ArrayList<>();
        List<ParticipantId> senders = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            ParticipantId[] pair = PAIRS.get(i % PAIRS.size());
            NoticeHeader header = HubNotices.childConcern(pair[0], pair[1]).build();
            containers.add(notices.seal(header, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            senders.add(pair[0]);
            expected.put(header.noticeId(), pair[1]);
        }
        List<UUID> ids = new ArrayList<>(expected.keySet());

        AtomicInteger sent = new AtomicInteger();
        Thread killer = new Thread(() -> {
            await().atMost(Duration.ofMinutes(3)).until(() -> sent.get() >= KILL_AFTER);
            try {
                hub.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hub-killer");
        killer.start();
        int resends = sendAll(containers, senders, sent, killer);
        assertThat(resends).as("the kill interrupted the stream").isPositive();

        Map<UUID, Integer> received = receiveAll(expected);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(received.values()).as("each notice delivered exactly once").allMatch(count -> count == 1);

        awaitHandoversRecorded(ids, expected);
        hub.stop();

        String dbUrl = "jdbc:h2:file:" + hub.dataDir.resolve("db").resolve("samband")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        Map<String, Integer> decisions = new HashMap<>();
        try (Connection db = DriverManager.getConnection(dbUrl, "sa", "");
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT notice_id, counterpart, COUNT(*) FROM audit_entry"
                     + " WHERE type = 'DISCLOSURE_DECIDED' GROUP BY notice_id, counterpart")) {
            while (rows.next()) {
                decisions.put(rows.getString(1) + "|" + rows.getString(2), rows.getInt(3));
            }
        }
        Set<String> expectedDecisions = new HashSet<>();
        expected.forEach((id, recipient) -> expectedDecisions.add(id + "|" + recipient.value()));
        assertThat(decisions.keySet()).containsAll(expectedDecisions);
        assertThat(decisions).as("one audit entry per decision").allSatisfy((key, count) -> assertThat(count).isOne());

        String verifyDb = dbUrl;
        HubProcess.CommandResult intact = HubProcess.run(hub.dataDir, "audit", "verify", "--db-url=" + verifyDb,
                "--trust=" + hub.pkiDir());
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("OK");

        long tampered;
        try (Connection db = DriverManager.getConnection(dbUrl, "sa", "");
             Statement edit = db.createStatement()) {
            try (ResultSet middle = edit.executeQuery("SELECT MAX(position) / 2 FROM audit_entry")) {
                middle.next();
                tampered = middle.getLong(1);
            }
            assertThat(edit.executeUpdate("UPDATE audit_entry SET reason_code = 'EDITED' WHERE position = "
                    + tampered)).isOne();
        }
        HubProcess.CommandResult broken = HubProcess.run(hub.dataDir, "audit", "verify", "--db-url=" + verifyDb,
                "--trust=" + hub.pkiDir());
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(4);
        assertThat(broken.output()).contains("BROKEN at position " + tampered);
    }

    /**
     * Sends every container in order, one connection per sender. A failed send (the hub died) is retried after the
     * hub is back, like a connector's outbox; returns how many sends were retried.
     */
    private int sendAll(List<byte[]> containers, List<ParticipantId> senders, AtomicInteger sent, Thread killer)
            throws Exception {
        Map<ParticipantId, AgencyClient> clients = new HashMap<>();
        int retries = 0;
        int i = 0;
        try {
            while (i < containers.size()) {
                try {
                    AgencyClient client = clients.get(senders.get(i));
                    if (client == null) {
                        client = new AgencyClient(senders.get(i), hub.brokerTlsPort, hub.pkiDir());
                        clients.put(senders.get(i), client);
                    }
                    client.submit(containers.get(i));
                    i++;
                    sent.set(i);
                } catch (JMSException e) {
                    retries++;
                    assertThat(retries).as("resends after the one kill").isLessThan(100);
                    closeAll(clients);
                    killer.join(TimeUnit.MINUTES.toMillis(1));
                    if (!hub.isAlive()) {
                        hub.start();
                    }
                }
            }
        } finally {
            closeAll(clients);
        }
        return retries;
    }

    private Map<UUID, Integer> receiveAll(Map<UUID, ParticipantId> expected) throws Exception {
        Map<UUID, Integer> received = new HashMap<>();
        Set<ParticipantId> recipients = new HashSet<>(expected.values());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        boolean quiet = false;
        while (!quiet && System.nanoTime() < deadline) {
            int before = received.values().stream().mapToInt(Integer::intValue).sum();
            for (ParticipantId recipient : recipients) {
                try (AgencyClient client = new AgencyClient(recipient, hub.brokerTlsPort, hub.pkiDir())) {
                    for (Message message : client.receive("type = 'CHILD_CONCERN_REPORT'", 2_000)) {
                        UUID id = UUID.fromString(message.getStringProperty("noticeId"));
                        assertThat(expected.get(id)).as("delivered to its recipient").isEqualTo(recipient);
                        received.merge(id, 1, Integer::sum);
                    }
                }
            }
            int after = received.values().stream().mapToInt(Integer::intValue).sum();
            // Done once everything arrived and one more full pass found nothing new (no late duplicate).
            quiet = after == before && received.size() == expected.size();
        }
        return received;
    }

    /** The audit writer has appended each decision once its handover is visible to the sender over the API. */
    private void awaitHandoversRecorded(List<UUID> ids, Map<UUID, ParticipantId> expected) {
        Map<ParticipantId, HttpClient> clients = new HashMap<>();
        Set<UUID> pending = new HashSet<>(ids);
        Map<UUID, ParticipantId> senders = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            senders.put(ids.get(i), PAIRS.get(i % PAIRS.size())[0]);
        }
        await("every handover recorded").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (UUID id : List.copyOf(pending)) {
                        ParticipantId sender = senders.get(id);
                        HttpClient client = clients.computeIfAbsent(sender, s -> HttpClient.newBuilder()
                                .sslContext(AgencyTls.sslContext(AgencyTls.keyStore(hub.pkiDir(), s),
                                        AgencyTls.trustStore(hub.pkiDir()))).build());
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                                "https://127.0.0.1:" + hub.apiPort + "/api/v1/notices/" + id)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            return false;
                        }
                        assertThat(response.body()).contains(expected.get(id).value());
                        pending.remove(id);
                    }
                    return true;
                });
    }

    private static void closeAll(Map<ParticipantId, AgencyClient> clients) {
        for (AgencyClient client : clients.values()) {
            try {
                client.close();
            } catch (JMSException | RuntimeException e) {
                // The connection died with the hub; nothing to close.
            }
        }
        clients.clear();
    }
}
