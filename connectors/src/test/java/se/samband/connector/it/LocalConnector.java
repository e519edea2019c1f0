package se.samband.connector.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import se.samband.connector.ConnectorApplication;

/** A connector started in the test JVM against a hub. */
final class LocalConnector extends ConnectorApi {
    private final ConfigurableApplicationContext context;

    LocalConnector(String participant, HubProcess hub, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(arguments(participant, hub, dataDir));
        args.add("--server.port=0");
        args.add("--camel.main.name=connector-" + participant);
        args.addAll(List.of(extra));
        this.context = ConnectorApplication.start(args.toArray(String[]::new));
        baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** The settings every test connector gets: its keys from the hub's dev PKI, quick retries. */
    static List<String> arguments(String participant, HubProcess hub, Path dataDir) {
        return List.of(
                "--samband.connector.participant-id=" + participant,
                "--samband.connector.data-dir=" + dataDir,
                "--samband.connector.pki.dir=" + hub.pkiDir(),
                "--samband.connector.hub.broker=127.0.0.1:" + hub.brokerTlsPort,
                "--samband.connector.hub.api-url=https://127.0.0.1:" + hub.apiPort,
                "--samband.connector.hub.reconnect-interval=500ms",
                "--samband.connector.outbox.poll-interval=200ms",
                "--samband.connector.outbox.first-retry=300ms",
                "--samband.connector.outbox.max-retry=2s");
    }

    @Override
    public void close() {
        context.close();
    }
}
