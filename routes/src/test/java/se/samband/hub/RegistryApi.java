package se.samband.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;

/** An agency's client of the hub's HTTPS API (mTLS with its dev-PKI key store): consents, risk flags, notices. */
public final class RegistryApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Path pkiDir;

    public RegistryApi(int port, Path pkiDir) {
        this.port = port;
        this.pkiDir = pkiDir;
    }

    /**
     * A complete consent body (version 1) recorded by {@code recorder}: {@code recorder} may send release notices
     * to {@code recipient} about {@code subject} for a year.
     */
    public static ObjectNode releaseConsent(String consentId, String subject, ParticipantId recorder,
                                            ParticipantId recipient) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = JSON.createObjectNode()
                .put("consentId", consentId)
                .put("subjectPseudonym", subject)
                .put("givenBy", "SELF")
                .put("recordedByFunction", "Frivardsinspektor")
                .put("form", "E_SIGNED")
                .put("evidenceRef", "KVV-2026-0042")
                .put("validFrom", now.minus(1, ChronoUnit.HOURS).toString())
                .put("validTo", now.plus(365, ChronoUnit.DAYS).toString());
        body.putArray("senders").add(recorder.value());
        body.putArray("recipients").add(recipient.value());
        body.putArray("noticeTypes").add("RELEASE_CONTACT_CONSENT").add("RELEASE_EFFECTED");
        body.putArray("dataCategories").add("RELEASE_INFORMATION").add("CONTACT_DETAILS");
        body.putArray("purposes").add("SUPPORT_CONTACT");
        return body;
    }

    /**
     * A complete consent body (version 1) recorded by the police's interviewer {@code recorder}: {@code recorder}
     * may send support offers to {@code recipient} about {@code subject} with these data categories.
     */
    public static ObjectNode supportOfferConsent(String consentId, String subject, ParticipantId recorder,
                                                 ParticipantId recipient, DataCategory... dataCategories) {
        ObjectNode body = releaseConsent(consentId, subject, recorder, recipient)
                .put("recordedByFunction", "Forhorsledare");
        body.putArray("noticeTypes").add(NoticeType.POST_INTERVIEW_SUPPORT_OFFER.name());
        ArrayNode categories = body.putArray("dataCategories");
        for (DataCategory category : dataCategories) {
            categories.add(category.name());
        }
        return body;
    }

    /** A risk-flag body: contact with {@code subject} is unsafe until {@code until}. */
    public static ObjectNode riskFlag(String subject, Instant until) {
        return JSON.createObjectNode().put("subjectPseudonym", subject).put("until", until.toString())
                .put("reasonCode", "CONTACT_UNSAFE");
    }

    public HttpResponse<String> postJson(ParticipantId as, String path, Object body) throws Exception {
        return send(as, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public HttpResponse<String> postNotice(ParticipantId as, byte[] container) throws Exception {
        return send(as, HttpRequest.newBuilder(uri("/api/v1/notices")).header("Content-Type", SealedNotice.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(container)));
    }

    public HttpResponse<String> delete(ParticipantId as, String path) throws Exception {
        return send(as, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> get(ParticipantId as, String path) throws Exception {
        return send(as, HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(ParticipantId as, HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(AgencyTls.sslContext(AgencyTls.keyStore(pkiDir, as),
                AgencyTls.trustStore(pkiDir))).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }
}
