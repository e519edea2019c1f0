package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantSecurityManagerTest {

    @Test
    void refusedAddressesReachTheLogWithoutLineBreaksAndBounded() {
        String forged = "samband.hub.inbox\r\n2026-01-01 INFO granted everything";

        assertThat(ParticipantSecurityManager.loggable(forged)).doesNotContain("\r", "\n")
                .startsWith("samband.hub.inbox__2026");
        assertThat(ParticipantSecurityManager.loggable("x".repeat(10_000))).hasSizeLessThan(210);
    }
}
