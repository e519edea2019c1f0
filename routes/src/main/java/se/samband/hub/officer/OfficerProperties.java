package se.samband.hub.officer;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security officer API, prefix {@code samband.officer}.
 *
 * @param pseudonymKey     the federation's pseudonym key (base64, at least 32 bytes); the same key as the connectors'
 * @param pseudonymKeyFile else this file (base64); default {@code <pki dir>/pseudonym.key}, the connectors' default.
 *                         With {@code samband.pki.dev-init=true} a missing file is created with a random key.
 * @param accessReportMax  the most disclosures one subject access report lists (it says when there were more)
 */
@ConfigurationProperties(prefix = "samband.officer")
public record OfficerProperties(
        String pseudonymKey,
        Path pseudonymKeyFile,
        @DefaultValue("10000") int accessReportMax) {

    @Override
    public String toString() {
        return "OfficerProperties[pseudonymKeyFile=" + pseudonymKeyFile + ", accessReportMax=" + accessReportMax + "]";
    }
}
