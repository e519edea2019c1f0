package se.samband.hub.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings, prefix {@code samband.intake}. The inbox endpoint reads the consumer counts through
 * property placeholders ({@code Endpoints.INTAKE_INBOX}); they are declared here so that they are documented
 * and validated in one place. The size limit is the pipeline's {@code samband.limits.max-container-bytes}.
 *
 * @param concurrentConsumers      inbox consumers, each with its own transacted session; throughput comes from
 *                                 concurrent transactions sharing journal syncs (PERFORMANCE-NOTES)
 * @param maxConcurrentConsumers   upper bound when the listener scales up under load
 * @param maxNoticesPerTransaction the most inbox messages one consumer's transaction takes when more are waiting
 *                                 ({@link InboxListenerContainers}); 1 commits every notice on its own. A notice
 *                                 waits for the others of its transaction, so a larger value trades latency
 *                                 under load for fewer commits
 */
@ConfigurationProperties(prefix = "samband.intake")
public record IntakeProperties(
        @DefaultValue("4") int concurrentConsumers,
        @DefaultValue("4") int maxConcurrentConsumers,
        @DefaultValue("8") int maxNoticesPerTransaction) {
}
