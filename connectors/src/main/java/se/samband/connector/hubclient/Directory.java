package se.samband.connector.hubclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.ParticipantCertificates;
import se.samband.security.pki.Pem;

/**
 * The hub's directory as the connector sees it: which participants serve a kind of recipient, and their encryption
 * certificates. Every answer is kept in the local store, so that a notice can still be sealed (and queued in the
 * outbox) while the hub is unreachable, for recipients looked up before. A live answer always wins over the copy.
 * A certificate is used only if it chains to the federation CA, is valid for encryption and names the participant.
 */
public class Directory {
    private static final Logger log = LoggerFactory.getLogger(Directory.class);
    private static final String PARTICIPANTS = "/api/v1/directory/participants";

    private final HubApi hub;
    private final JdbcTemplate jdbc;
    private final CertificateValidator validator;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Directory(HubApi hub, JdbcTemplate jdbc, CertificateValidator validator, Clock clock) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    /** The participants serving {@code query}; empty if none does. */
    public List<ParticipantId> resolve(RecipientQuery query) {
        String key = "query:" + query.queryString();
        String body = cached(key, () -> {
            HubApi.Answer answer = hub.get(PARTICIPANTS + "?" + query.queryString());
            if (!answer.ok()) {
                // e.g. 400 directory_query_invalid for a municipality code that does not exist: nobody serves it
                log.info("directory query refused by the hub: HTTP {}", answer.status());
                throw new SambandException(ErrorCode.NO_RECIPIENT_FOUND, "directory answered " + answer.status());
            }
            return answer.body();
        });
        try {
            List<ParticipantId> ids = new ArrayList<>();
            for (JsonNode participant : json.readTree(body).path("participants")) {
                ids.add(ParticipantId.of(participant.path("id").asText()));
            }
            return ids;
        } catch (IOException | IllegalArgumentException e) {
            throw new HubUnreachable("the hub's directory answer is not readable", e);
        }
    }

    /** The participant's certificate, checked; refused {@code recipient_unknown} if the hub knows no such id. */
    public X509Certificate certificate(ParticipantId participant) {
        String key = "certificate:" + participant.value();
        String pem = cached(key, () -> {
            HubApi.Answer answer = hub.get(PARTICIPANTS + "/"
                    + URLEncoder.encode(participant.value(), StandardCharsets.UTF_8) + "/certificate");
            if (answer.status() == 404) {
                throw new SambandException(ErrorCode.RECIPIENT_UNKNOWN, "directory has no participant " + participant);
            }
            if (!answer.ok()) {
                throw new HubUnreachable("certificate lookup answered " + answer.status(), null);
            }
            return answer.body();
        });
        X509Certificate certificate = Pem.parseCertificate(pem);
        validator.validate(certificate, KeyUse.ENCRYPTION);
        Optional<ParticipantId> named = ParticipantCertificates.participantId(certificate);
        if (named.isEmpty() || !named.get().equals(participant)) {
            throw new SambandException(ErrorCode.CERTIFICATE_UNTRUSTED, "certificate does not name " + participant);
        }
        return certificate;
    }

    private interface Lookup {
        String fetch();
    }

    private String cached(String key, Lookup lookup) {
        try {
            String fresh = lookup.fetch();
            store(key, fresh);
            return fresh;
        } catch (HubUnreachable e) {
            List<String> copy = jdbc.queryForList("SELECT cached FROM directory_cache WHERE cache_key = ?",
                    String.class, key);
            if (copy.isEmpty()) {
                throw e;
            }
            log.info("hub unreachable: using the stored directory answer for {}", key.startsWith("query:")
                    ? "a recipient query" : key);
            return copy.get(0);
        }
    }

    private void store(String key, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE directory_cache SET cached = ?, fetched_at = ? WHERE cache_key = ?", value, now, key)
                == 0) {
            try {
                jdbc.update("INSERT INTO directory_cache (cache_key, cached, fetched_at) VALUES (?, ?, ?)", key, value,
                        now);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // stored by a concurrent lookup
            }
        }
    }
}
