package se.samband.hub.broker;

import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import se.samband.hub.TestSupport;
import se.samband.hub.system.HubProperties;
import se.samband.hub.system.HubProperties.BrokerSettings;
import se.samband.hub.system.HubProperties.FederationSettings;
import se.samband.hub.system.HubProperties.JournalKind;
import se.samband.hub.system.HubProperties.PkiSettings;

/** A hub broker of its own for a test, beside the shared hub context of other tests in this JVM. */
final class StandaloneBrokers {

    private StandaloneBrokers() {
    }

    /** The hub's settings on a fresh data directory and free ports, with this journal type. */
    static HubProperties properties(String purpose, JournalKind journal) {
        return new HubProperties(TestSupport.newDataDir(purpose), new FederationSettings(null), new BrokerSettings(
                "127.0.0.1", TestSupport.freePort(), TestSupport.freePort(), journal, 250_000, true, 1_000,
                Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 10, HubProperties.TlsProvider.AUTO),
                new PkiSettings(null, "unused", false, Duration.ofMinutes(1)));
    }

    /** The hub's broker configuration without its in-VM acceptor: the shared hub context holds in-VM server id 0. */
    static Configuration configuration(HubProperties properties) throws Exception {
        Configuration configuration = ArtemisConfigurationFactory.create(properties, List.of());
        configuration.getAcceptorConfigurations()
                .removeIf(acceptor -> ArtemisConfigurationFactory.IN_VM_ACCEPTOR.equals(acceptor.getName()));
        return configuration;
    }
}
