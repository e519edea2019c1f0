package se.samband.demo.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import se.samband.demo.agency.ConnectorClient;

/**
 * One agency's case system in a scenario: it acts only through its own connector's local API, and each action
 * becomes a line of the timeline.
 */
public final class Agency {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final ConnectorClient client;
    private final Stage stage;
    private final Inbox inbox;

    Agency(String id, ConnectorClient client, Stage stage) {
        this.id = id;
        this.client = client;
        this.stage = stage;
        this.inbox = new Inbox(client);
    }

    public String id() {
        return id;
    }

    public String name() {
        return Cast.name(id);
    }

    ConnectorClient client() {
        return client;
    }

    /** Registers the consent through the connector; the run's suffix keeps ids unique across demo runs. */
    public String registerConsent(ConsentSpec consent) {
        client.registerConsent(consent.toJson(stage.now()));
        stage.timeline().record(name(), String.join(", ", consent.recipients().stream().map(Cast::name).toList()),
                "consent registered", consent.consentId(), "REGISTERED", String.join(", ", consent.noticeTypes()));
        return consent.consentId();
    }

    public void withdrawConsent(String consentId, String via) {
        client.withdrawConsent(consentId, JSON.createObjectNode().put("withdrawnVia", via));
        stage.timeline().record(name(), "", "consent withdrawn", consentId, "WITHDRAWN", via);
    }

    /** Submits the notice and follows it until the hub has decided on it for every recipient. */
    public TrackedNotice send(String label, NoticeSpec notice) {
        JsonNode answer = client.submitNotice(notice.toJson());
        String noticeId = answer.path("noticeId").asText();
        TrackedNotice tracked = new TrackedNotice(stage, this, label, noticeId, notice.type(), notice.basisLabel(),
                answer.path("status").asText());
        stage.timeline().record(name(), "", notice.type(), notice.basisLabel(), "SUBMITTED", label);
        stage.track(tracked);
        return tracked;
    }

    /**
     * Sets a risk flag on the person ("contacting them may endanger the victim until ...").
     *
     * @return the flag's id, to clear it with
     */
    public String setRiskFlag(String personnummer, Instant until, String reasonCode) {
        ObjectNode flag = JSON.createObjectNode().put("personnummer", personnummer)
                .put("until", until.truncatedTo(ChronoUnit.SECONDS).toString()).put("reasonCode", reasonCode);
        String flagId = client.setRiskFlag(flag).path("flagId").asText();
        stage.timeline().record(name(), "", "risk flag set", "", "SET",
                reasonCode + " until " + until.toString().substring(0, 10));
        return flagId;
    }

    public void clearRiskFlag(String flagId, String why) {
        client.clearRiskFlag(flagId);
        stage.timeline().record(name(), "", "risk flag cleared", "", "CLEARED", why);
    }

    /** Waits until the connector has delivered the notice to this agency's case system. */
    public Optional<JsonNode> awaitDelivery(TrackedNotice notice) {
        return awaitInbox(item -> notice.noticeId().equals(Inbox.noticeId(item)), stage.patience());
    }

    /**
     * Waits for a notice the hub itself sent (ESCALATION, CONSENT_WITHDRAWN, …) to this agency: of this type, and
     * naming every one of {@code mentions} (a notice id, a consent id) in what the connector shows of it.
     */
    public Optional<JsonNode> awaitHubNotice(String type, String about, Duration patience, String... mentions) {
        Optional<JsonNode> found = awaitInbox(item -> type.equals(Inbox.type(item))
                && Arrays.stream(mentions).allMatch(m -> item.toString().contains(m)), patience);
        found.ifPresent(item -> stage.timeline().record("hub", name(), type, "", "DELIVERED", about));
        return found;
    }

    /** Whether the connector ever delivered this notice to this agency's case system (no waiting). */
    public boolean hasReceived(TrackedNotice notice) {
        return inbox.find(item -> notice.noticeId().equals(Inbox.noticeId(item))).isPresent();
    }

    public void accept(TrackedNotice notice) {
        client.accept(notice.noticeId());
        stage.timeline().record(name(), notice.sender().name(), notice.type(), "", "ACCEPT", "case system accepts");
    }

    public void decline(TrackedNotice notice, String reason) {
        client.decline(notice.noticeId(), reason);
        stage.timeline().record(name(), notice.sender().name(), notice.type(), "", "DECLINE", reason);
    }

    private Optional<JsonNode> awaitInbox(Predicate<JsonNode> wanted, Duration patience) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        stage.poll(patience, () -> {
            inbox.find(wanted).ifPresent(found::set);
            return found.get() != null;
        });
        return Optional.ofNullable(found.get());
    }
}
