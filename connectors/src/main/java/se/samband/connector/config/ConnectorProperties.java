package se.samband.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantKind;

/**
 * The connector's settings ({@code samband.connector.*}): who it is, its keys, where the hub is, how the case system
 * gets its notices, and the file drop. Defaults in {@code connector.yml}.
 */
@ConfigurationProperties("samband.connector")
public record ConnectorProperties(
        String participantId,
        @DefaultValue("./connector-data") Path dataDir,
        @DefaultValue Pki pki,
        String pseudonymKey,
        Path pseudonymKeyFile,
        @DefaultValue("true") boolean devPseudonymKey,
        @DefaultValue Hub hub,
        @DefaultValue Delivery delivery,
        @DefaultValue Outbox outbox,
        @DefaultValue FileDrop fileDrop,
        ParticipantKind kind,
        Path federationFile,
        @DefaultValue Rules rules) {

    /**
     * What an agency of the profile's kind may do, checked locally before anything reaches the hub (the hub checks
     * again). Set by the agency profiles ({@code connector-<profile>.yml}); without a profile nothing is restricted.
     *
     * @param noticeTypes        the case notice types this kind sends (DOMAIN.md, "from → to"); empty: every type
     * @param riskFlags          whether this kind may set and clear risk flags (police and social services)
     * @param hsaIdForHealthcare whether a recipient of kind HALSO_SJUKVARD must be looked up by its HSA-id
     */
    public record Rules(Set<NoticeType> noticeTypes, @DefaultValue("true") boolean riskFlags,
                        @DefaultValue("false") boolean hsaIdForHealthcare) {
        public Rules {
            noticeTypes = noticeTypes == null ? Set.of() : Set.copyOf(noticeTypes);
        }
    }

    /**
     * Keys and trust. {@code dir} is a directory in the dev PKI's layout; each file can be given on its own.
     *
     * @param keyStore   the participant's PKCS#12 key store (default {@code <dir>/participants/<id>.p12})
     * @param trustStore the federation CA for TLS (default {@code <dir>/truststore.p12})
     * @param caDir      a directory holding {@code ca/*.crt} and {@code ca/*.crl} (default {@code <dir>})
     */
    public record Pki(@DefaultValue("./data/pki") Path dir, @DefaultValue("samband-dev") String password,
                      Path keyStore, Path trustStore, Path caDir) {
    }

    /**
     * @param broker the hub's TLS acceptor for agencies, {@code host:port}
     * @param apiUrl the hub's HTTPS API (client certificate)
     */
    public record Hub(@DefaultValue("127.0.0.1:61617") String broker,
                      @DefaultValue("https://127.0.0.1:8443") URI apiUrl,
                      @DefaultValue("2s") Duration reconnectInterval) {
    }

    public enum DeliveryMode { PULL, WEBHOOK, FOLDER }

    public record Delivery(@DefaultValue("PULL") DeliveryMode mode, URI webhookUrl, Path folder,
                           @DefaultValue("500ms") Duration pollInterval, @DefaultValue("1s") Duration firstRetry,
                           @DefaultValue("5m") Duration maxRetry) {
    }

    public record Outbox(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("1s") Duration firstRetry,
                         @DefaultValue("60s") Duration maxRetry, @DefaultValue("50") int batchSize) {
    }

    /**
     * Kriminalvården's release lists: CSV files dropped into {@code folder}.
     *
     * @param errorFolder where a file's rejected rows are reported (default {@code <folder>/errors})
     */
    public record FileDrop(@DefaultValue("false") boolean enabled, Path folder, Path errorFolder,
                           @DefaultValue("1s") Duration pollInterval) {
    }

    public Path keyStore() {
        return pki.keyStore() != null ? pki.keyStore()
                : pki.dir().resolve("participants").resolve(participantId + ".p12");
    }

    public Path trustStore() {
        return pki.trustStore() != null ? pki.trustStore() : pki.dir().resolve("truststore.p12");
    }

    public Path caDir() {
        return pki.caDir() != null ? pki.caDir() : pki.dir();
    }

    public Path pseudonymKeyPath() {
        return pseudonymKeyFile != null ? pseudonymKeyFile : pki.dir().resolve("pseudonym.key");
    }

    public Path fileDropErrors() {
        return fileDrop.errorFolder() != null ? fileDrop.errorFolder() : fileDrop.folder().resolve("errors");
    }
}
