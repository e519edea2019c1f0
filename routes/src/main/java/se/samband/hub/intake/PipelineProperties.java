package se.samband.hub.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.samband.notice.NoticeLimits;

/**
 * Bounds on what agencies may submit, prefix {@code samband.limits}.
 *
 * @param maxContainerBytes the largest container the hub reads (ARCHITECTURE.md: 1 MiB by default); the header
 *                          stays bounded at 16 KiB whatever this says
 */
@ConfigurationProperties(prefix = "samband.limits")
public record PipelineProperties(@DefaultValue("1048576") int maxContainerBytes) {

    public NoticeLimits noticeLimits() {
        return NoticeLimits.defaults().withMaxContainerBytes(maxContainerBytes);
    }
}
