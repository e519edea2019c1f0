package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.JournalKind;

/**
 * ASYNCIO needs libaio and the Artemis native library, and a journal directory that supports direct I/O;
 * without them Artemis runs on NIO without failing. The hub must report the journal really in use.
 * Artemis' own support check is the independent expectation, so this holds on machines with and without AIO.
 */
@ExtendWith(OutputCaptureExtension.class)
class JournalTypeTest {

    @Test
    void reportsTheJournalTypeReallyInUseWhenAsyncIoIsConfigured(CapturedOutput output) throws Exception {
        HubProperties properties = StandaloneBrokers.properties("journal-type", JournalKind.ASYNCIO);
        Configuration configuration = StandaloneBrokers.configuration(properties);
        Files.createDirectories(configuration.getJournalLocation().toPath());
        boolean asyncIoAvailable = AIOSequentialFileFactory.isSupported()
                && AIOSequentialFileFactory.isSupported(configuration.getJournalLocation());
        String expected = asyncIoAvailable ? "ASYNCIO" : "NIO";

        // No client connects here: the broker's default security manager is enough.
        EmbeddedActiveMQ broker = BrokerConfiguration.start(configuration, null, properties);
        try {
            Health health = new BrokerHealthIndicator(broker).health();
            assertThat(health.getDetails()).containsEntry("journalType", expected);
            assertThat(output.getOut()).contains("Artemis broker is live: journal " + expected);
            if (!asyncIoAvailable) {
                assertThat(output.getOut())
                        .contains("Journal type ASYNCIO was configured but is not available here")
                        .contains("the broker runs on NIO");
            }
        } finally {
            broker.stop();
        }
    }
}
