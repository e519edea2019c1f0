package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samband.hub.TestSupport;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.BrokerSettings;
import se.samband.hub.system.HubProperties.FederationSettings;
import se.samband.hub.system.HubProperties.JournalKind;
import se.samband.hub.system.HubProperties.PkiSettings;

/**
 * ASYNCIO needs libaio and the Artemis native library, and a journal directory that supports direct I/O;
 * without them Artemis runs on NIO without failing. The hub must report the journal really in use.
 * Artemis' own support check is the independent expectation, so this holds on machines with and without AIO.
 */
@ExtendWith(OutputCaptureExtension.class)
class JournalTypeTest {

    @Test
    void reportsTheJournalTypeReallyInUseWhenAsyncIoIsConfigured(CapturedOutput output) throws Exception {
        Path dataDir = TestSupport.newDataDir("journal-type");
        HubProperties properties = new HubProperties(dataDir, new FederationSettings(null), new BrokerSettings(
                "127.0.0.1", TestSupport.freePort(), TestSupport.freePort(), JournalKind.ASYNCIO, 250_000, true,
                1_000, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 10, HubProperties.TlsProvider.AUTO),
                new PkiSettings(null, "unused", false, Duration.ofMinutes(1)));
        Configuration configuration = ArtemisConfigurationFactory.create(properties, List.of());
        // The shared hub context of other tests in this JVM already holds in-VM server id 0.
        configuration.getAcceptorConfigurations()
                .removeIf(acceptor -> ArtemisConfigurationFactory.IN_VM_ACCEPTOR.equals(acceptor.getName()));
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
